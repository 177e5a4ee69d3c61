export { WriteLifecycle, type WriteSteps } from './lifecycle.ts';
export { WRITE_PHASES, type EventsParticipant, type Participant, type Write, type WritePhaseName, type WriteScope, type Writer } from './write.ts';

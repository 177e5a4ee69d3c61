import { accessKind } from './access/index.ts';
import { adjustmentKind } from './adjustment/index.ts';
import { aggregateKind } from './aggregate/index.ts';
import { batchKind } from './batch/index.ts';
import { filestoreKind } from './filestore/index.ts';
import { gatewayKind } from './gateway/index.ts';
import { jobKind } from './job/index.ts';
import { localizationKind } from './localization/index.ts';
import { masterDataKind } from './mdms-data/index.ts';
import { masterSchemaKind } from './mdms-schema/index.ts';
import { otpKind } from './otp/index.ts';
import { persisterKind } from './persister/index.ts';
import { ruleSetKind } from './rule-set/index.ts';
import { securityKind } from './security/index.ts';
import { pdfKind } from './pdf/index.ts';
import { shortenerKind } from './shortener/index.ts';
import { serviceKind } from './service/index.ts';
import { smsKind } from './sms/index.ts';
import { summaryKind } from './summary/index.ts';
import { workflowKind } from './workflow/index.ts';

export type * from './access/index.ts';
export type * from './adjustment/index.ts';
export type * from './aggregate/index.ts';
export type * from './batch/index.ts';
export type * from './filestore/index.ts';
export type * from './gateway/index.ts';
export type * from './job/index.ts';
export type * from './localization/index.ts';
export type * from './mdms-data/index.ts';
export type * from './mdms-schema/index.ts';
export type * from './otp/index.ts';
export type * from './persister/index.ts';
export type * from './rule-set/index.ts';
export type * from './security/index.ts';
export type * from './pdf/index.ts';
export type * from './shortener/index.ts';
export type * from './service/index.ts';
export type * from './sms/index.ts';
export type * from './summary/index.ts';
export type * from './workflow/index.ts';

/**
 * Every definition kind the engine reads: adding a kind is its folder here and one entry. This order
 * is the order people read them in (where kinds live, `seva validate`'s summary); checks run in
 * this order too, except that a kind's checks wait for the kinds it names in `after`.
 */
export const kinds = [
  serviceKind,
  persisterKind,
  workflowKind,
  jobKind,
  gatewayKind,
  smsKind,
  otpKind,
  ruleSetKind,
  batchKind,
  adjustmentKind,
  summaryKind,
  aggregateKind,
  masterSchemaKind,
  masterDataKind,
  localizationKind,
  accessKind,
  securityKind,
  shortenerKind,
  pdfKind,
  filestoreKind,
] as const;

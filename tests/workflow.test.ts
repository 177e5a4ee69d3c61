import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, definitionsWith, freshDatabase, requestInfo, TestServer } from './harness.ts';

const GP = 'pb.lodhipur';
const HOUR = 3_600_000;
const WF = '/egov-workflow-v2/egov-wf';

/** The shipped NewWS1, with a data guard and a documents-required state added for the test. */
const definitions = () =>
  definitionsWith('tests/fixtures/workflow-service', [
    {
      file: 'workflows/NewWS1.yaml',
      replace: '- { action: APPROVE_FOR_CONNECTION, nextState: PENDING_FOR_PAYMENT, roles: [WS_APPROVER] }',
      with: '- { action: APPROVE_FOR_CONNECTION, nextState: PENDING_FOR_PAYMENT, roles: [WS_APPROVER], guard: { rule: { "<=": [{ var: entity.pipeSize }, 2] }, code: PIPE_SIZE_NOT_ALLOWED, message: "pipes wider than 2 inches need the state\'s approval" } }',
    },
    { file: 'workflows/NewWS1.yaml', replace: 'sla: 86400000\n    isStateUpdatable: true', with: 'sla: 86400000\n    docUploadRequired: true\n    isStateUpdatable: true' },
  ]);

const people = {
  cemp: { roles: [{ code: 'WS_CEMP', tenantId: GP }] },
  // A state-level role: it counts in every GP of the state.
  docv: { roles: [{ code: 'WS_DOC_VERIFIER', tenantId: 'pb' }] },
  insp: { roles: [{ code: 'WS_FIELD_INSPECTOR', tenantId: GP }] },
  appr: { roles: [{ code: 'WS_APPROVER', tenantId: GP }] },
  clerk: { roles: [{ code: 'WS_CLERK', tenantId: GP }] },
  elsewhere: { roles: [{ code: 'WS_APPROVER', tenantId: 'pb.bhadson' }, { code: 'WS_CEMP', tenantId: 'pb.bhadson' }] },
} as const;
type Person = keyof typeof people;

describe.each(backends())('applications follow the NewWS1 workflow over HTTP (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 4, 30));
  const token = {} as Record<Person, string>;
  const uuid = {} as Record<Person, string>;

  const post = (who: Person, path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(token[who]), ...body });
  const create = (who: Person, fields: Record<string, unknown> = {}, action = 'INITIATE') =>
    post(who, '/ws-test/application/_create', { Application: { tenantId: GP, applicantName: 'Harjit Kaur', mobileNumber: '9876500001', pipeSize: 1, additionalDetails: { zeta: 1, alpha: { b: 2, a: 1 }, doorNo: '12' }, ...fields, processInstance: { action } } });
  const update = (who: Person, app: any, workflow?: Record<string, unknown>) => {
    const { processInstance: _drop, ...entity } = app;
    return post(who, '/ws-test/application/_update', { Application: { ...entity, ...(workflow ? { processInstance: workflow } : {}) } });
  };
  const transition = (who: Person, businessId: string, action: string, extra: Record<string, unknown> = {}) =>
    post(who, `${WF}/process/_transition`, { ProcessInstances: [{ tenantId: GP, businessService: 'NewWS1', businessId, action, ...extra }] });
  const find = async (who: Person, applicationNo: string) => (await post(who, `/ws-test/application/_search?tenantId=${GP}&applicationNumber=${applicationNo}`, {})).body.Applications[0];
  const processes = (who: Person, query: string) => post(who, `${WF}/process/_search?tenantId=${GP}&${query}`, {});
  const instanceState = async (who: Person, businessId: string) => (await processes(who, `businessIds=${businessId}`)).body.ProcessInstances[0].state.state;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ definitionsDir: definitions(), database: db.config, clock });
    const admin = await server.token('admin', 'admin-secret-1', 'pb');
    for (const [name, p] of Object.entries(people)) {
      const res = await server.post('/user/users/_createnovalidate', {
        RequestInfo: requestInfo(admin),
        user: { userName: `wf-${name}`, name, type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles: p.roles },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      uuid[name as Person] = res.body.user[0].uuid;
      token[name as Person] = await server.token(`wf-${name}`, 'pass-word-1', 'pb');
    }
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('takes an application from INITIATE to CONNECTION_ACTIVATED with the right role at each step', async () => {
    const created = await create('cemp');
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    let app = created.body.Applications[0];
    expect(app.applicationNo).toMatch(/^WS_AP\/1013\/2026-27\/\d+$/);
    expect(app.applicationStatus).toBe('INITIATED');
    expect(app.processInstance).toMatchObject({ action: 'INITIATE', businessId: app.applicationNo, state: { state: 'INITIATED' }, nextActions: [{ action: 'SUBMIT_APPLICATION' }] });
    const no = app.applicationNo as string;

    let res = await update('cemp', app, { action: 'SUBMIT_APPLICATION', comment: 'all papers attached' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    app = res.body.Applications[0];
    expect(app.applicationStatus).toBe('PENDING_FOR_DOCUMENT_VERIFICATION');

    // The workflow API moves the entity too: status and state never disagree.
    res = await transition('docv', no, 'VERIFY_AND_FORWARD', { assignes: [{ uuid: uuid.insp }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ProcessInstances[0]).toMatchObject({ state: { state: 'PENDING_FOR_FIELD_INSPECTION' }, assignes: [{ uuid: uuid.insp, userName: 'wf-insp' }], assigner: { uuid: uuid.docv } });
    app = await find('insp', no);
    expect(app.applicationStatus).toBe('PENDING_FOR_FIELD_INSPECTION');

    res = await update('insp', app, { action: 'VERIFY_AND_FORWARD' });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'WORKFLOW_DOCUMENTS_REQUIRED', params: ['$.Application.processInstance.documents'] });
    res = await update('insp', app, { action: 'VERIFY_AND_FORWARD', documents: [{ documentType: 'SITE_PHOTO', fileStoreId: 'fs-1' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    app = res.body.Applications[0];

    res = await update('appr', app, { action: 'APPROVE_FOR_CONNECTION' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    app = res.body.Applications[0];
    expect(app.applicationStatus).toBe('PENDING_FOR_PAYMENT');

    // PENDING_FOR_PAYMENT is not updatable: an edit is refused, naming the field.
    res = await update('cemp', { ...app, applicantName: 'Someone Else' }, { action: 'PAY' });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'STATE_NOT_UPDATABLE', params: ['$.Application.applicantName'] });
    res = await update('cemp', app, { action: 'PAY' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    app = res.body.Applications[0];

    res = await update('clerk', app, { action: 'ACTIVATE_CONNECTION' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    app = res.body.Applications[0];
    expect(app.applicationStatus).toBe('CONNECTION_ACTIVATED');
    expect(app.processInstance.nextActions).toEqual([]);
    const events = await server.seva.database.db.selectFrom('seva_outbox').selectAll().where('topic', '=', 'ws-connection-activated').where('key', '=', no).execute();
    expect(events).toHaveLength(1);

    res = await update('clerk', app, { action: 'ACTIVATE_CONNECTION' });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0].code).toBe('WORKFLOW_TERMINATED');

    // History, newest first as DIGIT returns it, with who did what.
    res = await processes('cemp', `businessIds=${no}&history=true`);
    expect(res.status).toBe(200);
    expect(res.body.ProcessInstances.map((p: any) => p.action)).toEqual(['ACTIVATE_CONNECTION', 'PAY', 'APPROVE_FOR_CONNECTION', 'VERIFY_AND_FORWARD', 'VERIFY_AND_FORWARD', 'SUBMIT_APPLICATION', 'INITIATE']);
    expect(res.body.ProcessInstances.map((p: any) => p.assigner.userName)).toEqual(['wf-clerk', 'wf-cemp', 'wf-appr', 'wf-insp', 'wf-docv', 'wf-cemp', 'wf-cemp']);
    expect(res.body.ProcessInstances[5].comment).toBe('all papers attached');
    expect(res.body.ProcessInstances[3].documents).toEqual([{ documentType: 'SITE_PHOTO', fileStoreId: 'fs-1' }]);
  });

  it('refuses a role that cannot act (403), another GP (403), and an action the state lacks (400, listing the valid ones)', async () => {
    const app = (await create('cemp')).body.Applications[0];
    let res = await update('cemp', app, { action: 'SUBMIT_APPLICATION' });
    const submitted = res.body.Applications[0];

    res = await update('insp', submitted, { action: 'VERIFY_AND_FORWARD' });
    expect(res.status).toBe(403);
    expect(res.body.Errors[0]).toMatchObject({ code: 'WORKFLOW_ACTION_FORBIDDEN', message: expect.stringContaining('WS_DOC_VERIFIER') });
    res = await transition('elsewhere', app.applicationNo, 'VERIFY_AND_FORWARD');
    expect(res.status).toBe(403);
    // Not even the state of another GP's application leaks through a wrong action.
    res = await transition('elsewhere', app.applicationNo, 'NO_SUCH_ACTION');
    expect(res.status).toBe(403);
    expect(res.body.Errors[0].message).not.toContain('PENDING');
    res = await update('elsewhere', submitted, { action: 'VERIFY_AND_FORWARD' });
    expect(res.status).toBe(403);
    expect(res.body.Errors[0].code).toBe('ACCESS_DENIED');

    res = await update('docv', submitted, { action: 'APPROVE_FOR_CONNECTION' });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'INVALID_WORKFLOW_ACTION', params: ['$.Application.processInstance.action'] });
    expect(res.body.Errors[0].message).toContain('valid actions: VERIFY_AND_FORWARD, REJECT, SEND_BACK_TO_CITIZEN');
    res = await create('cemp', {}, 'SUBMIT_APPLICATION');
    expect(res.status).toBe(400);
    expect(res.body.Errors[0].message).toContain('valid actions: INITIATE');
    expect(await instanceState('docv', app.applicationNo)).toBe('PENDING_FOR_DOCUMENT_VERIFICATION');
  });

  it('sends back to the citizen (assigned to the creator), takes it back, and rejects', async () => {
    const app = (await create('cemp')).body.Applications[0];
    const no = app.applicationNo;
    await update('cemp', app, { action: 'SUBMIT_APPLICATION' });
    let res = await transition('docv', no, 'SEND_BACK_TO_CITIZEN', { comment: 'photo is unreadable' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ProcessInstances[0]).toMatchObject({ state: { state: 'PENDING_FOR_CITIZEN_ACTION' }, assignes: [{ uuid: uuid.cemp }] });
    expect((await find('cemp', no)).applicationStatus).toBe('PENDING_FOR_CITIZEN_ACTION');

    // An updatable state: the application can be corrected while resubmitting.
    const current = await find('cemp', no);
    res = await update('cemp', { ...current, applicantName: 'Harjit Kaur Sandhu' }, { action: 'RESUBMIT_APPLICATION' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Applications[0]).toMatchObject({ applicantName: 'Harjit Kaur Sandhu', applicationStatus: 'PENDING_FOR_DOCUMENT_VERIFICATION' });

    res = await transition('docv', no, 'REJECT', { comment: 'not eligible' });
    expect(res.status).toBe(200);
    expect((await find('cemp', no)).applicationStatus).toBe('REJECTED');
    res = await transition('docv', no, 'VERIFY_AND_FORWARD');
    expect(res.status).toBe(400);
    expect(res.body.Errors[0].code).toBe('WORKFLOW_TERMINATED');
    res = await processes('docv', `businessIds=${no}&history=true`);
    expect(res.body.ProcessInstances.map((p: any) => p.state.state)).toEqual(['REJECTED', 'PENDING_FOR_DOCUMENT_VERIFICATION', 'PENDING_FOR_CITIZEN_ACTION', 'PENDING_FOR_DOCUMENT_VERIFICATION', 'INITIATED']);
  });

  it('checks assignees, guards on data, and answers business service, count and SLA', async () => {
    const app = (await create('cemp', { pipeSize: 4 })).body.Applications[0];
    const no = app.applicationNo;
    await update('cemp', app, { action: 'SUBMIT_APPLICATION' });
    let res = await transition('docv', no, 'VERIFY_AND_FORWARD', { assignes: [{ uuid: uuid.clerk }] });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'INVALID_ASSIGNEE', message: expect.stringContaining('WS_FIELD_INSPECTOR') });
    res = await transition('docv', no, 'VERIFY_AND_FORWARD', { assignes: [uuid.insp] });
    expect(res.status).toBe(200);
    expect(res.body.ProcessInstances[0].stateSla).toBe(24 * HOUR);
    expect(res.body.ProcessInstances[0].businesssServiceSla).toBe(72 * HOUR);

    clock.advance(2 * HOUR);
    res = await processes('insp', `businessIds=${no}`);
    expect(res.body.ProcessInstances[0]).toMatchObject({ stateSla: 22 * HOUR, businesssServiceSla: 70 * HOUR, nextActions: [{ action: 'VERIFY_AND_FORWARD' }, { action: 'REJECT' }, { action: 'SEND_BACK_FOR_DOCUMENT_VERIFICATION' }] });
    // The approver sees the application but may take none of its actions.
    res = await processes('appr', `businessIds=${no}`);
    expect(res.body.ProcessInstances[0].nextActions).toEqual([]);

    res = await transition('insp', no, 'VERIFY_AND_FORWARD', { documents: [{ documentType: 'SITE_PHOTO', fileStoreId: 'fs-2' }] });
    expect(res.status).toBe(200);
    res = await transition('appr', no, 'APPROVE_FOR_CONNECTION');
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'PIPE_SIZE_NOT_ALLOWED', message: "pipes wider than 2 inches need the state's approval" });
    const current = await find('appr', no);
    res = await update('appr', { ...current, pipeSize: 2 }, { action: 'APPROVE_FOR_CONNECTION' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Applications[0].applicationStatus).toBe('PENDING_FOR_PAYMENT');

    res = await post('appr', `${WF}/businessservice/_search?tenantId=${GP}&businessServices=NewWS1`, {});
    expect(res.status).toBe(200);
    const bs = res.body.BusinessServices[0];
    expect(bs).toMatchObject({ businessService: 'NewWS1', business: 'ws-services', businessServiceSla: 72 * HOUR });
    expect(bs.states.find((s: any) => s.state === 'PENDING_FOR_FIELD_INSPECTION')).toMatchObject({ sla: 24 * HOUR, docUploadRequired: true, isStateUpdatable: true });
    expect(bs.states.find((s: any) => s.isStartState)).toMatchObject({ state: null, actions: [{ action: 'INITIATE', nextState: 'INITIATED' }] });

    res = await post('docv', `${WF}/process/_count?tenantId=${GP}`, {});
    expect(res.status).toBe(200);
    expect(typeof res.body).toBe('number');
  });

  it("shows each caller an inbox of only what they may act on", async () => {
    const inbox = async (who: Person) => {
      const res = await processes(who, 'limit=500');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.ProcessInstances as any[];
    };
    const a = (await create('cemp')).body.Applications[0];
    await update('cemp', a, { action: 'SUBMIT_APPLICATION' });
    const b = (await create('cemp')).body.Applications[0];
    await update('cemp', b, { action: 'SUBMIT_APPLICATION' });
    await transition('docv', b.applicationNo, 'VERIFY_AND_FORWARD', { assignes: [uuid.insp] });

    const docv = await inbox('docv');
    expect(docv.map((p) => p.businessId)).toContain(a.applicationNo);
    expect(docv.map((p) => p.businessId)).not.toContain(b.applicationNo);
    for (const p of docv) expect(p.state.state).toBe('PENDING_FOR_DOCUMENT_VERIFICATION');
    for (const p of docv) expect(p.nextActions.map((x: any) => x.action).sort()).toEqual(['REJECT', 'SEND_BACK_TO_CITIZEN', 'VERIFY_AND_FORWARD']);

    const insp = await inbox('insp');
    expect(insp.map((p) => p.businessId)).toContain(b.applicationNo);
    for (const p of insp) expect(p.state.state).toBe('PENDING_FOR_FIELD_INSPECTION');
    const cemp = await inbox('cemp');
    for (const p of cemp) expect(['INITIATED', 'PENDING_FOR_CITIZEN_ACTION', 'PENDING_FOR_PAYMENT']).toContain(p.state.state);
    expect(await inbox('elsewhere').catch(() => [])).toEqual([]);
  });

  it('runs a workflow no service follows through the workflow API alone', async () => {
    const open = (who: Person) => post(who, `${WF}/process/_transition`, { ProcessInstances: [{ tenantId: GP, businessService: 'PlainReview', businessId: 'REVIEW-1', action: 'OPEN', comment: 'please review' }] });
    let res = await open('cemp');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ProcessInstances[0]).toMatchObject({ businessId: 'REVIEW-1', moduleName: 'review', state: { state: 'OPEN', applicationStatus: 'UNDER_REVIEW' }, previousStatus: null });
    res = await open('cemp');
    expect(res.status).toBe(400);
    expect(res.body.Errors[0].message).toContain('valid actions: CLOSE');
    res = await post('appr', `${WF}/process/_transition`, { ProcessInstances: [{ tenantId: GP, businessService: 'PlainReview', businessId: 'REVIEW-1', action: 'CLOSE' }] });
    expect(res.status).toBe(200);
    res = await processes('appr', 'businessIds=REVIEW-1&history=true');
    expect(res.body.ProcessInstances.map((p: any) => [p.action, p.state.state])).toEqual([['CLOSE', 'CLOSED'], ['OPEN', 'OPEN']]);
    res = await post('appr', `${WF}/process/_transition`, { ProcessInstances: [{ tenantId: GP, businessService: 'NoSuchFlow', businessId: 'X', action: 'OPEN' }] });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'INVALID_BUSINESS_SERVICE', params: ['$.ProcessInstances[0].businessService'] });
  });

  it('lets exactly one of 20 concurrent requests take a step; the rest get 409', async () => {
    const app = (await create('cemp')).body.Applications[0];
    const submitted = (await update('cemp', app, { action: 'SUBMIT_APPLICATION' })).body.Applications[0];
    const results = await Promise.all(Array.from({ length: 20 }, () => update('docv', submitted, { action: 'VERIFY_AND_FORWARD' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);

    // The same through the workflow API, each request naming the state it saw.
    const again = await Promise.all(Array.from({ length: 20 }, () => transition('insp', app.applicationNo, 'REJECT', { state: 'PENDING_FOR_FIELD_INSPECTION', documents: [{ documentType: 'SITE_PHOTO', fileStoreId: 'fs-3' }] })));
    expect(again.filter((r) => r.status === 200)).toHaveLength(1);
    expect(again.filter((r) => r.status === 409).map((r) => r.body.Errors[0].code)).toEqual(Array(19).fill('WORKFLOW_STATE_CHANGED'));

    const history = (await processes('cemp', `businessIds=${app.applicationNo}&history=true`)).body.ProcessInstances;
    expect(history.map((p: any) => p.action)).toEqual(['REJECT', 'VERIFY_AND_FORWARD', 'SUBMIT_APPLICATION', 'INITIATE']);
    expect((await find('cemp', app.applicationNo)).applicationStatus).toBe('REJECTED');
  });

  it('escalates an application past its SLA exactly once, even when the job is triggered twice at once', async () => {
    const app = (await create('cemp')).body.Applications[0];
    await update('cemp', app, { action: 'SUBMIT_APPLICATION' });
    await transition('docv', app.applicationNo, 'VERIFY_AND_FORWARD', { assignes: [uuid.insp] });
    let run = await server.seva.jobs.run('escalate-applications');
    expect(run.status).toBe('succeeded');
    expect(await instanceState('cemp', app.applicationNo)).toBe('PENDING_FOR_FIELD_INSPECTION');

    const store = server.seva.database.db;
    const waiting = await store.selectFrom('seva_wf_instance').select('id').where('state', '=', 'PENDING_FOR_FIELD_INSPECTION').execute();
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    clock.advance(25 * HOUR);
    const runs = await Promise.all([server.seva.jobs.run('escalate-applications'), server.seva.jobs.run('escalate-applications')]);
    // Every waiting application (this one and those earlier tests left there) escalated once in all.
    expect(runs.reduce((n, r) => n + (r.counts.escalated ?? 0), 0)).toBe(waiting.length);
    const escalatedSteps = await store.selectFrom('seva_wf_transition').select('instance_id').where('escalated', '=', true).execute();
    expect(escalatedSteps.map((r) => r.instance_id).sort()).toEqual(waiting.map((r) => r.id).sort());
    const history = (await processes('cemp', `businessIds=${app.applicationNo}&history=true`)).body.ProcessInstances;
    expect(history.filter((p: any) => p.escalated)).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'SEND_BACK_FOR_DOCUMENT_VERIFICATION', escalated: true, assigner: { userName: 'system' }, assignes: [{ uuid: uuid.docv }] });
    expect((await find('cemp', app.applicationNo)).applicationStatus).toBe('PENDING_FOR_DOCUMENT_VERIFICATION');

    run = await server.seva.jobs.run('escalate-applications');
    expect(run.counts.escalated).toBe(0);
    const recorded = await server.seva.jobs.recentRuns('escalate-applications');
    expect(recorded.length).toBeGreaterThanOrEqual(4);
    expect(recorded.every((r) => r.finishedAt !== null && ['succeeded', 'skipped'].includes(r.status))).toBe(true);
  });

  it('leaves no application whose status disagrees with its workflow state', async () => {
    const store = server.seva.database.db;
    const rows = await store
      .selectFrom('test_ws_application as a')
      .leftJoin('seva_wf_instance as i', (join) => join.onRef('i.business_id', '=', 'a.applicationno').onRef('i.tenant_id', '=', 'a.tenantid').on('i.business_service', '=', 'NewWS1'))
      .select(['a.applicationno', 'a.applicationstatus', 'i.application_status'])
      .execute();
    expect(rows.length).toBe(8);
    expect(rows.filter((r) => r.applicationstatus !== r.application_status)).toEqual([]);
  });

  it('runs a request job as the system user in every GP, and records a failed run', async () => {
    clock.set(Date.UTC(2026, 11, 1, 1, 0)); // 1 Dec 2026, 06:30 IST
    let run = await server.seva.jobs.run('monthly-meter-audit');
    expect(run, run.error ?? '').toMatchObject({ status: 'succeeded', counts: { tenants: 2, succeeded: 2, failed: 0 } });
    const admin = await server.token('admin', 'admin-secret-1', 'pb');
    const res = await server.post(`/ws-test/meter-audit/_search?tenantId=pb`, { RequestInfo: requestInfo(admin) });
    expect(res.body.MeterAudits.map((a: any) => [a.tenantId, a.period]).sort()).toEqual([
      ['pb.bhadson', '01/11/2026 - 30/11/2026'],
      ['pb.lodhipur', '01/11/2026 - 30/11/2026'],
    ]);
    run = await server.seva.jobs.run('monthly-meter-audit');
    expect(run).toMatchObject({ status: 'failed', counts: { tenants: 2, succeeded: 0, failed: 2 } });
    expect(run.error).toContain('DUPLICATE_AUDIT');
  });
});

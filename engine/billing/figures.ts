import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../store/index.ts';

/** What the billing engine can say about a consumer beside its own record (a register's columns). */
export const CONSUMER_FIGURES = ['outstanding', 'demanded', 'collected', 'lastDemandDate', 'lastPeriodTo'] as const;
export type ConsumerFigure = (typeof CONSUMER_FIGURES)[number];

/** Receipt dates (epoch ms, inclusive) that bound the `collected` figure; either end may be open. */
export interface FigureWindow {
  from?: number;
  to?: number;
}

/**
 * One figure of the consumer whose tenant and consumer code are in the given columns of the outer
 * query, as a correlated subquery: what its active demands still ask (credits count against it),
 * what they ask in all, what its payments not cancelled paid (receipts within the window; none is
 * null, as DIGIT answers), when its latest active demand was made, and the end of the latest period
 * demanded. With `consumerTypes`, only demands of those types count (a consumer's monthly
 * charges, not its opening balance).
 */
export function consumerFigureSql(figure: ConsumerFigure, refs: { tenant: string; consumerCode: string }, businessService: string, window: FigureWindow = {}, consumerTypes?: readonly string[]): RawBuilder<unknown> {
  const quoted = (ref: string) => ref.split('.').map((part) => `"${part.replace(/"/g, '""')}"`).join('.');
  return sql.raw(consumerFigureText(figure, { tenant: quoted(refs.tenant), consumerCode: quoted(refs.consumerCode) }, businessService, window, consumerTypes));
}

/**
 * The same subquery as SQL text, the outer columns given as SQL (`t."tenantid"`), for places that
 * splice fields as text (aggregate sources). The service and consumer types come from definitions
 * and are quoted as literals; the window's ends are whole numbers.
 */
export function consumerFigureText(figure: ConsumerFigure, refs: { tenant: string; consumerCode: string }, businessService: string, window: FigureWindow = {}, consumerTypes?: readonly string[]): string {
  const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const time = (v: number) => {
    if (!Number.isSafeInteger(v)) throw new Error(`a figure window end must be a whole number, got ${v}`);
    return String(v);
  };
  const types = consumerTypes && consumerTypes.length > 0 ? ` and d.consumer_type in (${consumerTypes.map(literal).join(', ')})` : '';
  const of = `d.tenant_id = ${refs.tenant} and d.consumer_code = ${refs.consumerCode} and d.business_service = ${literal(businessService)} and d.status = 'ACTIVE'${types}`;
  switch (figure) {
    case 'demanded':
      return `(select sum(x.tax_amount) from seva_demand d join seva_demand_detail x on x.demand_id = d.id where ${of})`;
    case 'collected': {
      const from = window.from === undefined ? '' : ` and r.receipt_date >= ${time(window.from)}`;
      const to = window.to === undefined ? '' : ` and r.receipt_date <= ${time(window.to)}`;
      return `(select nullif(sum(r.total_amount_paid), 0) from seva_payment_detail r where r.tenant_id = ${refs.tenant} and r.consumer_code = ${refs.consumerCode} and r.business_service = ${literal(businessService)} and r.payment_status is distinct from 'CANCELLED'${from}${to})`;
    }
    case 'outstanding':
      return `(select coalesce(sum(x.tax_amount - x.collection_amount), 0) from seva_demand d join seva_demand_detail x on x.demand_id = d.id where ${of})`;
    case 'lastDemandDate':
      return `(select max(d.created_time) from seva_demand d where ${of})`;
    case 'lastPeriodTo':
      return `(select max(d.tax_period_to) from seva_demand d where ${of})`;
  }
}

/**
 * Whether the consumer in the outer query's columns has an ACTIVE demand of this service, consumer
 * type and period (what a bulk run skips).
 */
export function activeDemandExistsSql(refs: { tenant: string; consumerCode: string }, demand: { businessService: string; consumerType: string; taxPeriodFrom: number; taxPeriodTo: number }): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from seva_demand d where d.tenant_id = ${sql.ref(refs.tenant)} and d.consumer_code = ${sql.ref(refs.consumerCode)} and d.business_service = ${demand.businessService} and d.consumer_type = ${demand.consumerType} and d.tax_period_from = ${demand.taxPeriodFrom} and d.tax_period_to = ${demand.taxPeriodTo} and d.status = 'ACTIVE')`;
}

/** Of these consumers, those that have an ACTIVE demand of this service, consumer type and period. */
export async function consumersWithDemand(db: Db, tenantId: string, demand: { businessService: string; consumerType: string; taxPeriodFrom: number; taxPeriodTo: number }, consumerCodes: string[]): Promise<Set<string>> {
  if (consumerCodes.length === 0) return new Set();
  const rows = await db
    .selectFrom('seva_demand')
    .select('consumer_code')
    .where('tenant_id', '=', tenantId)
    .where('consumer_code', 'in', consumerCodes)
    .where('business_service', '=', demand.businessService)
    .where('consumer_type', '=', demand.consumerType)
    .where('tax_period_from', '=', demand.taxPeriodFrom)
    .where('tax_period_to', '=', demand.taxPeriodTo)
    .where('status', '=', 'ACTIVE')
    .execute();
  return new Set(rows.map((r) => r.consumer_code as string));
}

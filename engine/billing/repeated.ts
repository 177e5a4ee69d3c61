import { sql } from 'kysely';
import type { Db } from '../store/index.ts';

/**
 * Fills the demand fields repeated on heads, and the payment fields repeated on receipts, where
 * rows written before those columns existed lack them. Run at start-up; with nothing to fill it
 * reads only two empty partial indexes.
 */
export async function fillRepeatedColumns(db: Db): Promise<{ heads: number; receipts: number }> {
  const heads = await sql`
    update seva_demand_detail x
       set consumer_code = d.consumer_code, business_service = d.business_service, tax_period_from = d.tax_period_from,
           tax_period_to = d.tax_period_to, demand_status = d.status
      from seva_demand d
     where x.demand_id = d.id and x.demand_status is null`.execute(db);
  const receipts = await sql`
    update seva_payment_detail r
       set payment_status = p.payment_status, transaction_date = p.transaction_date, payment_mode = p.payment_mode
      from seva_payment p
     where r.payment_id = p.id and r.payment_status is null`.execute(db);
  return { heads: Number(heads.numAffectedRows ?? 0), receipts: Number(receipts.numAffectedRows ?? 0) };
}

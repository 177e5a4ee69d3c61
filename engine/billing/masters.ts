import { parseDuration } from '../clock/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { Money } from '../money/index.ts';

export const TAX_HEAD_MASTER = 'BillingService.TaxHeadMaster';
export const BUSINESS_SERVICE_MASTER = 'BillingService.BusinessService';
export const TAX_PERIOD_MASTER = 'BillingService.TaxPeriod';

export interface TaxHead {
  code: string;
  name?: string;
  service: string;
  category: string;
  /** Apportioning order within a period, lower first. */
  order: number;
  /** A credit to the payer (rebate, advance): its amounts are zero or negative. */
  isDebit: boolean;
  isRequired: boolean;
}

export interface BillingService {
  code: string;
  collectionModesNotAllowed: string[];
  partPaymentAllowed: boolean;
  isAdvanceAllowed: boolean;
  advanceTaxHead?: string;
  /** The head that makes each new demand a whole number of rupees. */
  roundOffTaxHead?: string;
  minimumAmountPayable?: Money;
  billExpiryMs: number;
  receiptIdFormat?: string;
  billIdFormat?: string;
}

export interface TaxPeriod {
  service: string;
  code: string;
  fromDate: number;
  toDate: number;
}

const DEFAULT_BILL_EXPIRY_MS = 30 * 24 * 3600 * 1000;

/** The billing masters of a tenant (GP first, then state), read from MDMS. */
export class BillingMasters {
  // Read once per set of master data (a reload brings a new Mdms); callers treat the results as read-only.
  private readonly cache = new WeakMap<Mdms, Map<string, unknown>>();

  constructor(private readonly mdms: () => Mdms) {}

  private memo<T>(key: string, compute: () => T): T {
    const mdms = this.mdms();
    let byKey = this.cache.get(mdms);
    if (!byKey) this.cache.set(mdms, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, compute());
    return byKey.get(key) as T;
  }

  businessService(tenantId: string, code: string): BillingService | undefined {
    return this.memo(`bs|${tenantId}|${code}`, () => this.readBusinessService(tenantId, code));
  }

  private readBusinessService(tenantId: string, code: string): BillingService | undefined {
    const r = this.mdms().records(tenantId, BUSINESS_SERVICE_MASTER).find((x) => x.code === code);
    if (!r) return undefined;
    const expiry = r.billExpiry === undefined ? undefined : parseDuration(r.billExpiry as number | string);
    return {
      code,
      collectionModesNotAllowed: (r.collectionModesNotAllowed as string[] | undefined) ?? [],
      partPaymentAllowed: r.partPaymentAllowed === true,
      isAdvanceAllowed: r.isAdvanceAllowed === true,
      advanceTaxHead: r.advanceTaxHead as string | undefined,
      roundOffTaxHead: r.roundOffTaxHead as string | undefined,
      minimumAmountPayable: r.minimumAmountPayable === undefined ? undefined : new Money(String(r.minimumAmountPayable)),
      billExpiryMs: expiry && 'ms' in expiry ? expiry.ms : DEFAULT_BILL_EXPIRY_MS,
      receiptIdFormat: r.receiptIdFormat as string | undefined,
      billIdFormat: r.billIdFormat as string | undefined,
    };
  }

  /** The tax heads of a business service, by code. */
  taxHeads(tenantId: string, service: string): Map<string, TaxHead> {
    return this.memo(`heads|${tenantId}|${service}`, () => this.readTaxHeads(tenantId, service));
  }

  private readTaxHeads(tenantId: string, service: string): Map<string, TaxHead> {
    const heads = new Map<string, TaxHead>();
    for (const r of this.mdms().records(tenantId, TAX_HEAD_MASTER)) {
      if (r.service !== service) continue;
      heads.set(String(r.code), {
        code: String(r.code),
        name: r.name as string | undefined,
        service,
        category: String(r.category),
        order: r.order === undefined ? Number.MAX_SAFE_INTEGER : Number(r.order),
        isDebit: r.isDebit === true,
        isRequired: r.isRequired === true,
      });
    }
    return heads;
  }

  taxPeriods(tenantId: string, service: string): TaxPeriod[] {
    return this.memo(`periods|${tenantId}|${service}`, () => this.readTaxPeriods(tenantId, service));
  }

  private readTaxPeriods(tenantId: string, service: string): TaxPeriod[] {
    return this.mdms()
      .records(tenantId, TAX_PERIOD_MASTER)
      .filter((r) => r.service === service)
      .map((r) => ({ service, code: String(r.code), fromDate: Number(r.fromDate), toDate: Number(r.toDate) }));
  }
}

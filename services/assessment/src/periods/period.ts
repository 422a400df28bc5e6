// The period parser is shared with achievement and lives once in @heli/office-periods; assessment's
// modules import it from here so the ledger, evaluations and inspections keep one local name for it.
export * from '@heli/office-periods';

// FinerWorks `POST /v3/credit_transaction` (FACTS §3.4): "Creates a credit transaction record for users in the
// account credits ledger". ASP.NET-style model validation of the five required fields (`widthdrawal` spelled as
// the vendor does), then an entry in the account's ledger. The refusals are GUESSES (the page documents no
// status_code values): an unknown account and a withdrawal larger than the balance answer `success:false`.

export interface FinerWorksLedgerEntry {
  /** The `reference_id` the answer carried. */
  reference_id: string;
  amount: number;
  memo: string;
  widthdrawal: boolean;
  order_id: number;
  /** The balance after this entry. */
  balance: number;
}

export type CreditTransaction = Omit<FinerWorksLedgerEntry, 'reference_id' | 'balance'> & { account_id: number };

/** The transaction, or the ModelState of the 400 to send. */
export function readCreditTransaction(b: Record<string, unknown>): CreditTransaction | { modelState: Record<string, string[]> } {
  const modelState: Record<string, string[]> = {};
  const required = (name: string, type: 'number' | 'string' | 'boolean') => {
    if (b[name] === undefined || b[name] === null || b[name] === '') modelState[name] = [`The ${name} field is required.`];
    else if (typeof b[name] !== type) modelState[name] = [`The field ${name} must be a ${type}.`];
  };
  required('amount', 'number');
  required('memo', 'string');
  required('widthdrawal', 'boolean');
  required('order_id', 'number');
  required('account_id', 'number');
  if (!modelState.amount && (b.amount as number) <= 0) modelState.amount = ['The field amount must be a positive number.'];
  if (!modelState.memo && (b.memo as string).length > 50) modelState.memo = ['The field memo must be a string with a maximum length of 50.'];
  if (Object.keys(modelState).length) return { modelState };
  return { amount: b.amount as number, memo: b.memo as string, widthdrawal: b.widthdrawal as boolean, order_id: b.order_id as number, account_id: b.account_id as number };
}

/** The balance of a ledger: deposits less withdrawals. */
export const balanceOf = (ledger: readonly FinerWorksLedgerEntry[]): number => ledger.at(-1)?.balance ?? 0;

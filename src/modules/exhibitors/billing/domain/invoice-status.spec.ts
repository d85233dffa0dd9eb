import { dueSchedule, invoiceNumber, invoiceStatus, refundDue, reminderStep, DEFAULT_BILLING_TERMS, type StatusInput } from './invoice-status';

const base: StatusInput = { totalKrw: 1_000_000, depositKrw: 300_000, depositDueOn: '2027-01-15', balanceDueOn: '2027-03-31', payments: [], today: '2027-01-10' };
const pay = (amountKrw: number): StatusInput['payments'][number] => ({ kind: 'payment', amountKrw });

describe('invoiceStatus', () => {
  it('is unpaid before any money and before the deposit is due', () => {
    expect(invoiceStatus(base)).toEqual({ status: 'unpaid', paidKrw: 0, refundedKrw: 0, outstandingKrw: 1_000_000 });
  });
  it('is partially paid with less than the deposit before it is due', () => {
    expect(invoiceStatus({ ...base, payments: [pay(100_000)] }).status).toBe('partially_paid');
  });
  it('is deposit paid once the deposit is covered, also in parts', () => {
    expect(invoiceStatus({ ...base, payments: [pay(100_000), pay(200_000)] }).status).toBe('deposit_paid');
  });
  it('is overdue the day after the deposit day without the deposit, and on the due day itself it is not', () => {
    expect(invoiceStatus({ ...base, today: '2027-01-15' }).status).toBe('unpaid');
    expect(invoiceStatus({ ...base, today: '2027-01-16' }).status).toBe('overdue');
    expect(invoiceStatus({ ...base, today: '2027-01-16', payments: [pay(100_000)] }).status).toBe('overdue');
  });
  it('is overdue after the balance day with the deposit only, partially paid between the days', () => {
    expect(invoiceStatus({ ...base, today: '2027-02-01', payments: [pay(300_000)] }).status).toBe('deposit_paid');
    expect(invoiceStatus({ ...base, today: '2027-04-01', payments: [pay(300_000)] })).toEqual({ status: 'overdue', paidKrw: 300_000, refundedKrw: 0, outstandingKrw: 700_000 });
  });
  it('is paid when the total is covered, even late, and outstanding never goes negative', () => {
    expect(invoiceStatus({ ...base, today: '2027-05-01', payments: [pay(300_000), pay(800_000)] })).toEqual({ status: 'paid', paidKrw: 1_100_000, refundedKrw: 0, outstandingKrw: 0 });
  });
  it('is refunded once money went back', () => {
    expect(invoiceStatus({ ...base, payments: [pay(300_000), { kind: 'refund', amountKrw: 150_000 }] }).status).toBe('refunded');
  });
  it('without a deposit goes from unpaid to partially paid to paid', () => {
    const noDeposit = { ...base, depositKrw: 0 };
    expect(invoiceStatus({ ...noDeposit, today: '2027-02-01' }).status).toBe('unpaid');
    expect(invoiceStatus({ ...noDeposit, payments: [pay(1)] }).status).toBe('partially_paid');
    expect(invoiceStatus({ ...noDeposit, payments: [pay(1_000_000)] }).status).toBe('paid');
  });
});

describe('dueSchedule, refundDue, invoiceNumber, reminderStep', () => {
  it('computes the deposit and due days; the balance defaults to 30 days before the opening', () => {
    expect(dueSchedule(DEFAULT_BILLING_TERMS, 2_860_000, '2027-01-01', '2027-04-28')).toEqual({ depositKrw: 858_000, depositDueOn: '2027-01-15', balanceDueOn: '2027-03-29' });
  });
  it('never puts the balance before the deposit', () => {
    expect(dueSchedule(DEFAULT_BILLING_TERMS, 100, '2027-04-20', '2027-04-28').balanceDueOn).toBe('2027-05-04');
  });
  it('refunds by the cut-off day, inclusive', () => {
    const terms = { ...DEFAULT_BILLING_TERMS, refundCutoffOn: '2027-02-28', refundBeforePct: 50, refundAfterPct: 10 };
    expect(refundDue(terms, 1_000_000, '2027-02-28', '2027-03-31')).toBe(500_000);
    expect(refundDue(terms, 1_000_000, '2027-03-01', '2027-03-31')).toBe(100_000);
  });
  it('numbers invoices with the series initials, the year and four digits', () => {
    expect(invoiceNumber('green-car-2027', 2027, 1)).toBe('GC2027-0001');
    expect(invoiceNumber('ppuri-2027', 2027, 12345)).toBe('P2027-12345');
  });
  it('sends the first reminder 3 days after the due day, then weekly', () => {
    expect(reminderStep('2027-03-31', '2027-04-02')).toBeNull();
    expect(reminderStep('2027-03-31', '2027-04-03')).toBe(0);
    expect(reminderStep('2027-03-31', '2027-04-09')).toBe(0);
    expect(reminderStep('2027-03-31', '2027-04-10')).toBe(1);
  });
});

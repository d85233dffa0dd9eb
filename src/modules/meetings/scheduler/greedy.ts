/** The first-fit baseline: heaviest requests first (instance order among equals), each in the first slot where it fits. */
import { compileModel } from './model';
import { buildDocument } from './output';
import { placeFixed } from './pin';
import { InstanceError, parseInstance } from './instance';
import { ScheduleState } from './state';
import type { ScheduleDocument } from './types';

export function greedySchedule(input: unknown): ScheduleDocument {
  const m = compileModel(parseInstance(input));
  const st = new ScheduleState(m);
  placeFixed(st, new Set(), (msg) => {
    throw new InstanceError(msg);
  });
  const order = Array.from({ length: m.R }, (_, r) => r).sort((a, b) => m.reqWeight[b] - m.reqWeight[a] || a - b);
  for (const r of order) {
    if (st.slotOf[r] >= 0) continue;
    for (let k = m.reqSlotStart[r]; k < m.reqSlotStart[r + 1]; k++) {
      const s = m.reqSlots[k];
      if (st.canPlace(r, s)) {
        st.place(r, s);
        break;
      }
    }
    st.commit();
  }
  return buildDocument(st);
}

// Sends one item response (PUT /attempts/:id/items/:n/response). Final answers go through the outbox
// (../outbox), which calls this with the key it stored; autosaves call it directly.
import type { ItemResponseResult, ItemResponseRequest } from '@firstline/contracts';
import { api, contract } from '@/lib/api-client';

export const saveItemResponse = (
  attemptId: string,
  n: number,
  body: ItemResponseRequest,
  idempotencyKey: string,
): Promise<ItemResponseResult> =>
  api.put(`/attempts/${encodeURIComponent(attemptId)}/items/${n}/response`, body, {
    schema: contract((c) => c.ItemResponseResult),
    headers: { 'Idempotency-Key': idempotencyKey },
  });

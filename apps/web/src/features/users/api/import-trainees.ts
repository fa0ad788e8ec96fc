import { ImportErrorDetails, type RowError } from '@firstline/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, contract } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

/** POST /users/import: all-or-nothing; a bad file answers 400 with a per-row error list. */
export const importTrainees = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post('/users/import', form, { schema: contract((c) => c.ImportResult) });
};

/** The per-row errors of a rejected import, if the error carries them. */
export function importRowErrors(error: unknown): RowError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const parsed = ImportErrorDetails.safeParse(error.details);
  return parsed.success ? parsed.data.errors : null;
}

export function useImportTrainees() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importTrainees,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      void queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      void queryClient.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

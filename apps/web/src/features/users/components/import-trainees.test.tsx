import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '@/lib/query-client';
import { apiError, json, mockApi } from '@/testing/mock-api';
import { resetAppState } from '@/testing/test-utils';
import { ImportTrainees } from './import-trainees';

function renderImport() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <ImportTrainees />
    </QueryClientProvider>,
  );
}

const csv = (text: string) => new File([text], 'trainees.csv', { type: 'text/csv' });

describe('CSV import of trainees', () => {
  beforeEach(resetAppState);

  it('lists every bad row when the file is rejected, and says nothing was imported', async () => {
    const api = mockApi({
      'POST /api/users/import': () =>
        apiError(400, 'The file has 3 problems; nothing was imported', {
          errors: [
            { row: 3, column: 'unit', reason: 'Unknown unit "LHE-XXX"' },
            { row: 5, column: 'service_number', reason: 'Duplicate service number PK-10002 (also on row 2)' },
            { row: 7, column: null, reason: 'Expected 5 columns, found 3' },
          ],
        }),
    });
    renderImport();
    await userEvent.upload(screen.getByLabelText('CSV file'), csv('service_number,name,unit,cohort,language\n'));
    await userEvent.click(screen.getByRole('button', { name: 'Check and import' }));

    expect(await screen.findByText('The file was not imported')).toBeInTheDocument();
    expect(screen.getByText(/3 problems were found\. Nothing was imported\./)).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Problems found in the file' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['3', 'unit', 'Unknown unit "LHE-XXX"'],
      ['5', 'service_number', 'Duplicate service number PK-10002 (also on row 2)'],
      ['7', 'Whole row', 'Expected 5 columns, found 3'],
    ]);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Row', 'Column', 'Problem']);

    const sent = api.called('POST /api/users/import')[0].body as FormData;
    expect(sent).toBeInstanceOf(FormData);
    expect((sent.get('file') as File).name).toBe('trainees.csv');
  });

  it('shows the created accounts with their one-time passwords', async () => {
    mockApi({
      'POST /api/users/import': () =>
        json(
          {
            created: 2,
            users: [
              {
                username: 'pk-20001',
                serviceNumber: 'PK-20001',
                displayName: 'Bilal Ahmed',
                initialPassword: 'tqz-48-mpr-91',
              },
              {
                username: 'pk-20002',
                serviceNumber: 'PK-20002',
                displayName: 'Hina Raza',
                initialPassword: 'vbn-17-kle-02',
              },
            ],
          },
          201,
        ),
    });
    renderImport();
    await userEvent.upload(screen.getByLabelText('CSV file'), csv('x'));
    await userEvent.click(screen.getByRole('button', { name: 'Check and import' }));

    expect(await screen.findByText('2 trainee accounts created')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Accounts created' });
    expect(within(table).getByText('tqz-48-mpr-91')).toBeInTheDocument();
    expect(within(table).getByText('Hina Raza')).toBeInTheDocument();
  });

  it('neutralises formula-looking names in the initial-passwords CSV it offers for download', async () => {
    const names = ["=cmd|' /C calc'!A0", '+SUM(1+1)', '@HYPERLINK("http://evil.example","open")'];
    mockApi({
      'POST /api/users/import': () =>
        json(
          {
            created: names.length,
            users: names.map((displayName, index) => ({
              username: `pk-3000${index}`,
              serviceNumber: `PK-3000${index}`,
              displayName,
              initialPassword: `pw-${index}-secret`,
            })),
          },
          201,
        ),
    });
    const blobs: Blob[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:credentials';
    };
    URL.revokeObjectURL = () => undefined;
    try {
      renderImport();
      await userEvent.upload(screen.getByLabelText('CSV file'), csv('x'));
      await userEvent.click(screen.getByRole('button', { name: 'Check and import' }));
      await userEvent.click(await screen.findByRole('button', { name: 'Download passwords (CSV)' }));
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }
    expect(blobs).toHaveLength(1);
    const bytes = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(blobs[0]);
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')).toEqual([
      '\uFEFFservice_number,name,username,initial_password',
      `PK-30000,'=cmd|' /C calc'!A0,pk-30000,pw-0-secret`,
      `PK-30001,'+SUM(1+1),pk-30001,pw-1-secret`,
      `PK-30002,"'@HYPERLINK(""http://evil.example"",""open"")",pk-30002,pw-2-secret`,
      '',
    ]);
  });

  it('asks for a file before uploading', async () => {
    const api = mockApi({});
    renderImport();
    await userEvent.click(screen.getByRole('button', { name: 'Check and import' }));
    expect(screen.getByText('Choose a CSV file to upload')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });
});

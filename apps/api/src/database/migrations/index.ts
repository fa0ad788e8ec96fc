import { ExamEngine1796100000000 } from './1796100000000-ExamEngine';
import { Init1795735997575 } from './1795735997575-Init';
// Migrations in the order they run. `npm run migration:generate -w apps/api -- <Name>` appends here.
export const MIGRATIONS: Function[] = [
  Init1795735997575,
  ExamEngine1796100000000,
];

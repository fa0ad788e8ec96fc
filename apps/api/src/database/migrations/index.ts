import { Init1795735997575 } from './1795735997575-Init';
// Migrations in the order they run. `npm run migration:generate -w apps/api -- <Name>` appends here.
export const MIGRATIONS: Function[] = [
  Init1795735997575,
];

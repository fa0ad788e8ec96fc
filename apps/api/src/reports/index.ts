// The reports feature's public surface: what the app module and other features may import.
export { ReportsModule } from './reports.module';

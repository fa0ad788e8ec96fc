// The reports feature's public surface: what the app module and other features (the PDF renderer) may import.
export { ReportsModule } from './reports.module';
export { ReportsService } from './reports.service';

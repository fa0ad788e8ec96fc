// The MRZ feature's public surface: what other features and the app module may import.
export { MrzModule } from './mrz.module';

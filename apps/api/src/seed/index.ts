// The seed feature's public surface: what other features and the app module may import.
export { DemoContentModule } from './demo-content.module';
export { DemoContentService } from './demo-content';
export { readDemoOrganisation } from './demo-seed';

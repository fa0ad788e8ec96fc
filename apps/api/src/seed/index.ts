// The seed feature's public surface: demo content (a Nest module) and the demo organisation (run before the app).
export { DemoContentModule } from './demo-content.module';
export { DemoContentService } from './demo-content.service';
export { DemoHistoryService } from './demo-history.service';

// The attempts feature's public surface: what other features and the app module may import.
export { AttemptsModule } from './attempts.module';
export {
  AttemptEvents,
  type AttemptEventSink,
  type AttemptFinishedEvent,
  type AttemptStartedEvent,
  type ItemLockedEvent,
} from './attempt-events';
export { HistoryRecorder, type HistoricalAttempt, type HistoryPools } from './history-recorder';
export { ItemPreview } from './item-preview';
export { randomGuessOf } from './scoring';

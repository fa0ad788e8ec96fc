// The reports feature's side of AttemptEvents: registered at start-up, it records each attempt event as a fact in the
// caller's transaction (attempts sit below reports and must not know of them).
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AttemptEvents,
  type AttemptEventSink,
  type AttemptFinishedEvent,
  type AttemptStartedEvent,
  type ItemLockedEvent,
} from '../attempts';
import { ReportFactsRepository } from './report-facts.repository';

@Injectable()
export class ReportFactsSink implements AttemptEventSink, OnModuleInit {
  constructor(
    private readonly events: AttemptEvents,
    private readonly facts: ReportFactsRepository,
  ) {}

  onModuleInit(): void {
    this.events.register(this);
  }

  attemptStarted(event: AttemptStartedEvent, m: EntityManager): Promise<void> {
    return this.facts.upsertAttemptStarted(event, m);
  }

  itemLocked(event: ItemLockedEvent, m: EntityManager): Promise<void> {
    return this.facts.upsertItem(event, m);
  }

  attemptFinished(event: AttemptFinishedEvent, m: EntityManager): Promise<void> {
    return this.facts.upsertAttemptFinished(event, m);
  }
}

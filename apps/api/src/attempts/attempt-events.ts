// What happens to attempts, told to the features above that keep their own record of it (the reports' fact tables).
// A sink is called inside the transaction that changes the attempt, with its EntityManager, so its record commits or
// rolls back with the answer: a report never counts an answer that was not stored, nor misses one that was.
import type {
  DocumentSide,
  DocumentType,
  FeatureCategory,
  FeatureKind,
  FraudType,
  Light,
  ModuleMode,
  MrzCheck,
  Verdict,
} from '@firstline/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Where an attempt belongs: the same for every event of one attempt. */
export interface AttemptContext {
  attemptId: string;
  userId: string;
  assignmentId: string;
  cohortId: string;
  moduleId: string;
  moduleVersionId: string;
  mode: ModuleMode;
}

export interface AttemptStartedEvent extends AttemptContext {
  startedAt: Date;
  itemCount: number;
}

/**
 * An item's answer was locked (or the attempt finished with the item unanswered: `decision` null, `answeredAt` the
 * finish).
 */
export interface ItemLockedEvent extends AttemptContext {
  attemptItemId: string;
  n: number;
  exerciseId: string;
  exerciseVersionId: string;
  answeredAt: Date;
  /** The truth of the document. */
  verdict: Verdict;
  fraudType: FraudType;
  issuingState: string;
  documentType: DocumentType;
  /** Categories of the features the truth's regions name, and the lights under which the forgery shows. */
  featureCategories: FeatureCategory[];
  lights: Light[];
  /** The officer's decision; null when unanswered. */
  decision: 'accept' | 'refer' | null;
  late: boolean;
  responseTimeMs: number | null;
  /** Item score 0–1 as counted in the attempt (0 for late in an assessment, and for unanswered). */
  score: number;
  /** Part scores 0–1 where the item asked for the part. */
  locateScore: number | null;
  fraudTypeScore: number | null;
  /** What the officer chose (nothing when unanswered): the fraud type, features, MRZ checks marked failing, and the
   *  locate points, normalised 0–1 on their side. */
  chosenFraudType: FraudType | null;
  chosenFeatures: FeatureKind[];
  chosenMrzChecks: MrzCheck[];
  points: Array<{ side: DocumentSide; x: number; y: number }>;
}

export interface AttemptFinishedEvent extends AttemptContext {
  finishedAt: Date;
  /** Percent. */
  score: number;
  passed: boolean;
}

export interface AttemptEventSink {
  attemptStarted(event: AttemptStartedEvent, m: EntityManager): Promise<void>;
  itemLocked(event: ItemLockedEvent, m: EntityManager): Promise<void>;
  attemptFinished(event: AttemptFinishedEvent, m: EntityManager): Promise<void>;
}

@Injectable()
export class AttemptEvents {
  private readonly sinks: AttemptEventSink[] = [];

  register(sink: AttemptEventSink): void {
    this.sinks.push(sink);
  }

  async attemptStarted(event: AttemptStartedEvent, m: EntityManager): Promise<void> {
    for (const sink of this.sinks) await sink.attemptStarted(event, m);
  }

  async itemLocked(event: ItemLockedEvent, m: EntityManager): Promise<void> {
    for (const sink of this.sinks) await sink.itemLocked(event, m);
  }

  async attemptFinished(event: AttemptFinishedEvent, m: EntityManager): Promise<void> {
    for (const sink of this.sinks) await sink.attemptFinished(event, m);
  }
}

// "My training": what a trainee has to do (assignments with where they stand) and the lessons of an assignment.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DOCUMENT_SIDES,
  LIGHTS,
  type DocumentSide,
  type LessonView,
  type MyAssignmentView,
} from '@firstline/contracts';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../cohorts';
import { Actor } from '../common/actor';
import { notFound } from '../common/domain-error';
import { MediaService } from '../media';
import { ModulesService } from '../modules';
import { assignmentStatus } from './assignment-status';
import { AttemptFinisher } from './attempt-finisher';
import { AttemptsRepository } from './attempts.repository';
import { IMAGE_URL_TTL_SECONDS } from './item-presenter';

@Injectable()
export class MyTrainingService {
  constructor(
    // TODO(lead): LessonsService — only loadLessons uses the DataSource; it goes when the specimens feature's
    // LessonsService takes over.
    @InjectDataSource() private readonly db: DataSource,
    private readonly attempts: AttemptsRepository,
    private readonly finisher: AttemptFinisher,
    private readonly modules: ModulesService,
    private readonly media: MediaService,
    private readonly access: AccessPolicy,
  ) {}

  async myAssignments(actor: Actor): Promise<MyAssignmentView[]> {
    await this.finisher.finishOverdue(actor.id);
    const assignments = await this.modules.assignmentsOfCohorts(await this.access.visibleCohortIds(actor));
    if (!assignments.length) return [];
    const attempts = await this.attempts.attemptsAt(actor.id, assignments.map((a) => a.id));
    const now = Date.now();
    return assignments.map((assignment) => {
      const mine = attempts.filter((t) => t.assignmentId === assignment.id);
      const finished = mine.filter((t) => t.status === 'finished');
      const active = mine.find((t) => t.status === 'in-progress') ?? null;
      const standing = {
        opensAt: new Date(assignment.opensAt),
        closesAt: assignment.closesAt ? new Date(assignment.closesAt) : null,
        attemptsAllowed: assignment.module.attemptsAllowed,
        attempts: mine,
      };
      return {
        ...assignment,
        status: assignmentStatus(standing, now),
        attemptsUsed: mine.length,
        bestScore: finished.length ? Math.max(...finished.map((t) => t.score ?? 0)) : null,
        passed: finished.length ? finished.some((t) => t.passed) : null,
        activeAttemptId: active?.id ?? null,
      };
    });
  }

  async lessons(actor: Actor, assignmentId: string): Promise<LessonView[]> {
    const assignment = await this.modules.assignmentWithVersion(assignmentId);
    if (!assignment || !(await this.access.canSeeCohort(actor, assignment.cohortId))) throw notFound('Assignment');
    const ids = assignment.moduleVersion.lessonSpecimenIds;
    if (!ids.length) return [];
    return this.loadLessons(ids, { userId: actor.id, scope: `assignment:${assignmentId}` });
  }

  // TODO(lead): LessonsService — this reads the specimens feature's tables; swap in its LessonsService at merge.
  /** Specimen study pages: images signed for the trainee and the annotated features. */
  private async loadLessons(specimenIds: string[], grant: { userId: string; scope: string }): Promise<LessonView[]> {
    const specimens: Array<{ id: string; title: string; issuing_state: string; document_type: string; description: string }> = await this.db.query(
      `SELECT id, title, issuing_state, document_type, description FROM specimens WHERE id = ANY($1::uuid[])`,
      [specimenIds],
    );
    const images: Array<{ specimen_id: string; side: DocumentSide; light: string; frame: number; asset_id: string }> = await this.db.query(
      `SELECT specimen_id, side, light, frame, asset_id FROM specimen_images WHERE specimen_id = ANY($1::uuid[])`,
      [specimenIds],
    );
    const features: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, specimen_id, name, kind, category, side, lights, region, description FROM specimen_features WHERE specimen_id = ANY($1::uuid[]) ORDER BY name`,
      [specimenIds],
    );
    const urls = await this.media.signedUrls(images.map((i) => i.asset_id), grant, IMAGE_URL_TTL_SECONDS);
    return specimenIds
      .map((id) => specimens.find((s) => s.id === id))
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s) => ({
        specimenId: s.id,
        title: s.title,
        issuingState: s.issuing_state,
        documentType: s.document_type as LessonView['documentType'],
        description: s.description,
        images: images
          .filter((i) => i.specimen_id === s.id && urls.has(i.asset_id))
          .sort((a, b) => DOCUMENT_SIDES.indexOf(a.side) - DOCUMENT_SIDES.indexOf(b.side) || LIGHTS.indexOf(a.light as never) - LIGHTS.indexOf(b.light as never) || a.frame - b.frame)
          .map((i) => ({ side: i.side, light: i.light as never, frame: i.frame, urls: urls.get(i.asset_id)! })),
        features: features
          .filter((f) => f.specimen_id === s.id)
          .map((f) => ({
            id: f.id as string,
            name: f.name as string,
            kind: f.kind as never,
            category: f.category as never,
            side: f.side as DocumentSide,
            lights: f.lights as never,
            region: f.region as never,
            description: f.description as string,
          })),
      }));
  }
}

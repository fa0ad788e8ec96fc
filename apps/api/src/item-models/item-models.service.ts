// Item models for the rest of FirstLine: the exam engine draws a model by claiming one of its waiting documents for
// the officer (and has the supply topped up after); the module screen reads how generation goes; item analysis
// groups an officer's document under its model.
import type { ModuleItemModels } from '@firstline/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CohortRosterService } from '../cohorts';
import { Actor } from '../common/decorators/actor';
import { AppConfig, APP_CONFIG } from '../config/config';
import { ModulesService } from '../modules';
import { ItemGenerationService } from './item-generation.service';
import { ItemInstancesRepository } from './item-instances.repository';

@Injectable()
export class ItemModelsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly instances: ItemInstancesRepository,
    private readonly modules: ModulesService,
    private readonly roster: CohortRosterService,
    private readonly generation: ItemGenerationService,
  ) {}

  /** Per item model of the version, the documents waiting for an officer (a model with none cannot be drawn now). */
  readyByModel(moduleVersionId: string, m: EntityManager): Promise<Map<string, number>> {
    return this.instances.readyByModel(moduleVersionId, m);
  }

  /** Claims a waiting document of the model for the officer, in the attempt's transaction: its exercise version. */
  claim(moduleVersionId: string, modelId: string, userId: string, m: EntityManager): Promise<string | null> {
    return this.instances.claim(moduleVersionId, modelId, userId, m);
  }

  /** After a draw has used documents: generate what the version now lacks, in the background. */
  drawn(moduleVersionId: string): void {
    this.generation.schedule(moduleVersionId);
  }

  /** The generated documents of a version's item models (item analysis groups them under their model). */
  documentsOf(
    moduleVersionId: string,
    m?: EntityManager,
  ): Promise<Array<{ versionId: string; modelId: string; drawn: boolean }>> {
    return this.instances.documentsOf(moduleVersionId, m);
  }

  /** The module screen: the latest published version's item models and how their documents' generation goes. */
  async status(actor: Actor, moduleId: string): Promise<ModuleItemModels> {
    const version = await this.modules.latestVersionOf(actor, moduleId);
    const buffer = this.config.ITEM_MODEL_BUFFER;
    if (!version) return { moduleId, moduleVersionId: null, version: null, buffer, officers: 0, models: [] };
    const [open] = await this.modules.versionsWithOpenItemModels(version.id);
    const members = open ? await this.roster.memberIdsOf(open.cohortIds) : new Map<string, string[]>();
    const counts = new Map((await this.instances.counts(version.id)).map((c) => [c.modelId, c]));
    return {
      moduleId,
      moduleVersionId: version.id,
      version: version.version,
      buffer,
      officers: new Set([...members.values()].flat()).size,
      models: version.itemModels.map((model) => {
        const c = counts.get(model.id);
        return {
          model,
          ready: c?.ready ?? 0,
          generating: c?.generating ?? 0,
          used: c?.used ?? 0,
          failed: c?.failed ?? 0,
          lastError: c?.lastError ?? null,
        };
      }),
    };
  }
}

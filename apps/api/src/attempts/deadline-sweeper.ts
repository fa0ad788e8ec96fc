// Attempts whose deadline passed finish by themselves, even if the trainee never comes back: a timer on every
// replica (finishing is idempotent and locks the attempt, so replicas sweeping at once do no harm).
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AttemptFinisher } from './attempt-finisher';

const SWEEP_INTERVAL_MS = 30_000;

@Injectable()
export class DeadlineSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly finisher: AttemptFinisher) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    await this.finisher.finishOverdue().catch((err) => this.logger.warn({ err }, 'deadline sweep failed'));
  }
}

// The units feature's data layer: every query on the units table.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Unit } from './unit.entity';

@Injectable()
export class UnitsRepository {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.units.manager.transaction(work);
  }

  private repo(m?: EntityManager): Repository<Unit> {
    return m ? m.getRepository(Unit) : this.units;
  }

  /** All units, or the one with this id, by name. */
  list(id?: string, m?: EntityManager): Promise<Unit[]> {
    return this.repo(m).find({ where: id ? { id } : {}, order: { name: 'ASC' } });
  }

  findAll(m?: EntityManager): Promise<Unit[]> {
    return this.repo(m).find();
  }

  findById(id: string, m?: EntityManager): Promise<Unit | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  /** The units with these ids, ordered by name. */
  findByIds(ids: string[], m?: EntityManager): Promise<Unit[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo(m)
      .createQueryBuilder('unit')
      .where('unit.id IN (:...ids)', { ids })
      .orderBy('unit.name')
      .getMany();
  }

  /** The unit, locked for update until the caller's transaction ends. */
  findForUpdate(id: string, m: EntityManager): Promise<Unit | null> {
    return this.repo(m).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByField(field: 'name' | 'code', value: string, m?: EntityManager): Promise<Unit | null> {
    return this.repo(m).findOne({ where: { [field]: value } });
  }

  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.repo(m).exists({ where: { id } });
  }

  insert(fields: { name: string; code: string }, m?: EntityManager): Promise<Unit> {
    const repo = this.repo(m);
    return repo.save(repo.create(fields));
  }

  save(unit: Unit, m?: EntityManager): Promise<Unit> {
    return this.repo(m).save(unit);
  }

  async delete(id: string, m?: EntityManager): Promise<void> {
    await this.repo(m).delete({ id });
  }
}

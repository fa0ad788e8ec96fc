import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';

@Entity('cohorts')
@Unique('uq_cohorts_unit_name', ['unitId', 'name'])
export class Cohort {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'unit_id' }) unit?: Unit;
  @Column({ name: 'starts_on', type: 'date', nullable: true }) startsOn!: string | null;
  @Column({ name: 'ends_on', type: 'date', nullable: true }) endsOn!: string | null;
  @ManyToMany(() => User)
  @JoinTable({ name: 'cohort_instructors', joinColumn: { name: 'cohort_id' }, inverseJoinColumn: { name: 'user_id' } })
  instructors?: User[];
  @ManyToMany(() => User)
  @JoinTable({ name: 'cohort_members', joinColumn: { name: 'cohort_id' }, inverseJoinColumn: { name: 'user_id' } })
  members?: User[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

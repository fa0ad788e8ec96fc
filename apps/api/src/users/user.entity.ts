import type { Language, Role } from '@firstline/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Unit } from '../units/unit.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ type: 'text' }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: Role;
  @Index('ix_users_unit') @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId!: string | null;
  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT' }) @JoinColumn({ name: 'unit_id' }) unit?: Unit | null;
  @Index({ unique: true }) @Column({ name: 'service_number', type: 'text', nullable: true }) serviceNumber!:
    string | null;
  @Column({ type: 'text', default: 'en' }) language!: Language;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed sign-ins, kept in the database so throttling holds across API replicas. */
@Entity('login_failures')
@Index(['username', 'at'])
@Index(['ip', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) username!: string;
  @Column({ type: 'text' }) ip!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}

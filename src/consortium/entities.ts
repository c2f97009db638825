import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { Role, Title, sqlList } from '../auth/roles';
import { ConsortiumKind, HospitalTier, Sex } from './kinds';

// NOTE: `simpleResolvers`: the plain fields of the directory's types are read by GraphQL's own
// default resolver, not each through a type-graphql wrapper (the hub has no field middlewares);
// a 1,000-person answer has about 9,000 of them (bench/read/run.ts).

@ObjectType({ description: '医联体: a network of hospitals of several tiers', simpleResolvers: true })
@Entity()
@Check('consortium_kind_check', `kind IN (${sqlList(ConsortiumKind)})`)
export class Consortium {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field() @Index('consortium_name_key', { unique: true }) @Column('text') name: string;
  @Field(() => ConsortiumKind) @Column('text') kind: ConsortiumKind;
  @Field({ description: 'Region served, e.g. "临沂市沂水县"' }) @Column('text') region: string;
  @Column('int', { nullable: true }) leadHospitalId: number | null;
  @ManyToOne(() => Hospital, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'lead_hospital_id' }) leadHospital?: Relation<Hospital>;
  @Field({ description: 'IANA time zone of its calendar: half-days, holidays and the specialists\' commitments are local times there' })
  @Column('text', { default: 'Asia/Shanghai' }) timeZone: string;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: '网格: a service area for which exactly one consortium is responsible', simpleResolvers: true })
@Entity()
export class Grid {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field() @Index('grid_name_key', { unique: true }) @Column('text') name: string;
  @Column('int') responsibleConsortiumId: number;
  @ManyToOne(() => Consortium, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'responsible_consortium_id' }) responsibleConsortium?: Relation<Consortium>;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ simpleResolvers: true })
@Entity()
@Check('hospital_tier_check', `tier IN (${sqlList(HospitalTier)})`)
@Check('hospital_coordinates_check', `latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180`)
export class Hospital {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field() @Index('hospital_name_key', { unique: true }) @Column('text') name: string;
  @Field(() => HospitalTier) @Column('text') tier: HospitalTier;
  @Field({ description: 'County (县/区) the hospital lies in' }) @Column('text') county: string;
  @Field(() => Float) @Column('double precision') latitude: number;
  @Field(() => Float) @Column('double precision') longitude: number;
  @Index() @Column('int', { nullable: true }) gridId: number | null;
  @ManyToOne(() => Grid, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'grid_id' }) grid?: Relation<Grid>;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A hospital may belong to several consortia (e.g. a county community and a specialty alliance). */
@Entity()
export class ConsortiumMembership {
  @PrimaryColumn('int') consortiumId: number;
  @Index() @PrimaryColumn('int') hospitalId: number;
  @ManyToOne(() => Consortium, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'consortium_id' }) consortium?: Relation<Consortium>;
  @ManyToOne(() => Hospital, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'hospital_id' }) hospital?: Relation<Hospital>;
  @CreateDateColumn({ type: 'timestamptz' }) joinedAt: Date;
}

@ObjectType({ description: '科室/专科: a department or specialty of the shared catalogue', simpleResolvers: true })
@Entity()
@Check('department_code_check', `code ~ '^[A-Z][A-Z0-9_]{1,39}$'`)
export class Department {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field({ description: 'Stable code, e.g. CARDIOLOGY' }) @Index('department_code_key', { unique: true }) @Column('text') code: string;
  @Field({ description: 'Chinese name, e.g. 心内科' }) @Index('department_name_zh_key', { unique: true }) @Column('text') nameZh: string;
  @Field({ description: 'English name, e.g. Cardiology' }) @Index('department_name_en_key', { unique: true }) @Column('text') nameEn: string;
}

@ObjectType({ description: 'A person who signs in: specialist, township doctor, scheduler or administrator', simpleResolvers: true })
@Entity()
@Check('person_roles_check', `cardinality(roles) > 0 AND roles <@ ARRAY[${sqlList(Role)}]::text[]`)
@Check('person_title_check', `title IS NULL OR title IN (${sqlList(Title)})`)
@Check('person_username_check', `username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'`)
@Check('person_language_check', `language IS NULL OR language IN ('zh-CN', 'en')`)
export class Person {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field() @Column('text') name: string;
  @Field({ description: 'Sign-in name' }) @Index('person_username_key', { unique: true }) @Column('text') username: string;
  @Field(() => [Role]) @Column('text', { array: true }) roles: Role[];
  @Field(() => Title, { nullable: true }) @Column('text', { nullable: true }) title: Title | null;
  @Index() @Column('int') hospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'hospital_id' }) hospital?: Relation<Hospital>;
  @Field() @Column('boolean', { default: true }) active: boolean;
  @Field(() => String, { nullable: true, description: 'Saved language of the hub\'s sentences (zh-CN or en); unset: the client\'s Accept-Language' })
  @Column('text', { nullable: true }) language: string | null;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity()
export class PersonSpecialty {
  @PrimaryColumn('int') personId: number;
  @Index() @PrimaryColumn('int') departmentId: number;
  @ManyToOne(() => Person, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'person_id' }) person?: Relation<Person>;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'department_id' }) department?: Relation<Department>;
}

@ObjectType({ description: 'A patient registered at a hospital. Sensitive personal information (PIPL).' })
@Entity()
@Check('patient_sex_check', `sex IN (${sqlList(Sex)})`)
export class Patient {
  @Field(() => ID) @PrimaryGeneratedColumn('identity') id: number;
  @Field() @Column('text') name: string;
  @Field(() => Sex) @Column('text') sex: Sex;
  @Field({ description: 'YYYY-MM-DD' }) @Column('date') birthDate: string;
  @Index() @Column('int') hospitalId: number;
  @ManyToOne(() => Hospital, { onDelete: 'RESTRICT', nullable: false }) @JoinColumn({ name: 'hospital_id' }) hospital?: Relation<Hospital>;
  /**
   * NOTE: the national ID itself is never stored. A keyed hash (HMAC) finds the patient again
   * and the masked form is what people see; a database leak reveals neither.
   */
  @Index('patient_national_id_hash_key', { unique: true }) @Column('text') nationalIdHash: string;
  @Field({ description: 'National ID with all but the region and last digits masked, e.g. 371323**********1X' })
  @Column('text') nationalIdMasked: string;
  @Column('int', { nullable: true }) registeredById: number | null;
  @ManyToOne(() => Person, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'registered_by_id' }) registeredBy?: Relation<Person>;
  @Field() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

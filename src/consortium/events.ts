/** The directory's events: what they carry (typed in events/topics.ts) and what subscribers get. */
import { Field, ID, ObjectType } from 'type-graphql';
import type { TopicEvent } from '../events/topics';
import { Change, changeFields } from '../graphql/subscribe';
import { Consortium, Hospital } from './entities';
import type { ConsortiumKind, HospitalTier } from './kinds';

/** A hospital as it was right after a change; dates as ISO strings (the payload is JSON). */
export interface HospitalSnapshot {
  id: number; name: string; tier: HospitalTier; county: string; latitude: number; longitude: number; gridId: number | null; createdAt: string; updatedAt: string;
}
export interface ConsortiumSnapshot {
  id: number; name: string; kind: ConsortiumKind; region: string; leadHospitalId: number | null; createdAt: string;
}

declare module '../events/topics' {
  interface TopicPayloads {
    hospital: EventPayload & { hospital: HospitalSnapshot };
    consortium: EventPayload & { consortium: ConsortiumSnapshot; hospitalId?: number };
    patient: EventPayload & { patientId: number; hospitalId: number };
  }
}

export const hospitalSnapshot = (h: Hospital): HospitalSnapshot => ({
  id: h.id, name: h.name, tier: h.tier, county: h.county, latitude: h.latitude, longitude: h.longitude, gridId: h.gridId,
  createdAt: new Date(h.createdAt).toISOString(), updatedAt: new Date(h.updatedAt).toISOString(),
});
export const consortiumSnapshot = (c: Consortium): ConsortiumSnapshot => ({
  id: c.id, name: c.name, kind: c.kind, region: c.region, leadHospitalId: c.leadHospitalId, createdAt: new Date(c.createdAt).toISOString(),
});

@ObjectType()
export class HospitalChange extends Change {
  @Field(() => Hospital, { description: 'The hospital as it was right after this change' }) hospital: Hospital;
}

@ObjectType()
export class ConsortiumChange extends Change {
  @Field(() => Consortium) consortium: Consortium;
  @Field(() => ID, { nullable: true, description: 'For HOSPITAL_JOINED / HOSPITAL_LEFT' }) hospitalId: number | null;
}

@ObjectType()
export class PatientChange extends Change {
  @Field(() => ID) patientId: number;
  @Field(() => ID) hospitalId: number;
}

export const hospitalChange = (e: TopicEvent<'hospital'>): HospitalChange => {
  const h = e.payload.hospital;
  return Object.assign(new HospitalChange(), changeFields(e), { hospital: Object.assign(new Hospital(), h, { createdAt: new Date(h.createdAt), updatedAt: new Date(h.updatedAt) }) });
};

export const consortiumChange = (e: TopicEvent<'consortium'>): ConsortiumChange => {
  const c = e.payload.consortium;
  return Object.assign(new ConsortiumChange(), changeFields(e), {
    consortium: Object.assign(new Consortium(), c, { createdAt: new Date(c.createdAt) }), hospitalId: e.payload.hospitalId ?? null,
  });
};

export const patientChange = (e: TopicEvent<'patient'>): PatientChange =>
  Object.assign(new PatientChange(), changeFields(e), { patientId: e.payload.patientId, hospitalId: e.payload.hospitalId });

import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  SCHEDULER = 'SCHEDULER',
  SPECIALIST = 'SPECIALIST',
  TOWNSHIP_DOCTOR = 'TOWNSHIP_DOCTOR',
  REFERRAL_DESK = 'REFERRAL_DESK',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    ADMIN: { description: 'Manages the directory: consortia, hospitals, grids, departments, people' },
    SCHEDULER: { description: '调度员: plans expert rotations for the consortia of their hospital' },
    SPECIALIST: { description: '专家: senior doctor who goes out on rotations and gives remote opinions' },
    TOWNSHIP_DOCTOR: { description: '基层医生: township or community doctor, books experts and refers patients' },
    REFERRAL_DESK: { description: '转诊服务中心: receives referrals of every specialty at their hospital (accepts, declines, records arrival)' },
  },
});

export enum Title {
  CHIEF = 'CHIEF',
  ASSOCIATE_CHIEF = 'ASSOCIATE_CHIEF',
  ATTENDING = 'ATTENDING',
  RESIDENT = 'RESIDENT',
}
registerEnumType(Title, {
  name: 'Title',
  valuesConfig: {
    CHIEF: { description: '主任医师' },
    ASSOCIATE_CHIEF: { description: '副主任医师' },
    ATTENDING: { description: '主治医师' },
    RESIDENT: { description: '住院医师' },
  },
});

/** SQL list of an enum's values, for CHECK constraints that keep the database honest. */
export const sqlList = (values: object) => Object.values(values).map((v) => `'${v}'`).join(', ');

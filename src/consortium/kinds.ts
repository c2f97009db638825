import { registerEnumType } from 'type-graphql';

export enum ConsortiumKind {
  CITY_MEDICAL_GROUP = 'CITY_MEDICAL_GROUP',
  COUNTY_MEDICAL_COMMUNITY = 'COUNTY_MEDICAL_COMMUNITY',
  SPECIALTY_ALLIANCE = 'SPECIALTY_ALLIANCE',
  TELEMEDICINE_NETWORK = 'TELEMEDICINE_NETWORK',
}
registerEnumType(ConsortiumKind, {
  name: 'ConsortiumKind',
  valuesConfig: {
    CITY_MEDICAL_GROUP: { description: '城市医疗集团' },
    COUNTY_MEDICAL_COMMUNITY: { description: '县域医共体' },
    SPECIALTY_ALLIANCE: { description: '专科联盟' },
    TELEMEDICINE_NETWORK: { description: '远程医疗协作网' },
  },
});

export enum HospitalTier {
  TERTIARY = 'TERTIARY',
  SECONDARY = 'SECONDARY',
  COMMUNITY = 'COMMUNITY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}
registerEnumType(HospitalTier, {
  name: 'HospitalTier',
  valuesConfig: {
    TERTIARY: { description: '三级医院' },
    SECONDARY: { description: '二级医院' },
    COMMUNITY: { description: '社区卫生服务中心' },
    TOWNSHIP: { description: '乡镇卫生院' },
    VILLAGE: { description: '村卫生室' },
  },
});

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}
registerEnumType(Sex, { name: 'Sex' });

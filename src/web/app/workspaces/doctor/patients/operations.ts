import { graphql } from '../../../gql';

graphql(`
  fragment PatientRow on Patient {
    id
    name
    sex
    birthDate
    nationalIdMasked
    createdAt
  }
`);

export const PatientsDocument = graphql(`
  query DoctorPatients($nameContains: String, $after: String) {
    patients(nameContains: $nameContains, first: 20, after: $after) {
      totalCount
      nodes { ...PatientRow }
      pageInfo { endCursor hasNextPage }
    }
  }
`);

export const PatientByNationalIdDocument = graphql(`
  query DoctorPatientByNationalId($nationalId: String!) {
    patientByNationalId(nationalId: $nationalId) { ...PatientRow }
  }
`);

export const RegisterPatientDocument = graphql(`
  mutation DoctorRegisterPatient($input: RegisterPatientInput!) {
    registerPatient(input: $input) { ...PatientRow }
  }
`);

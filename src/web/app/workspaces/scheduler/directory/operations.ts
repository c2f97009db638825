import { graphql } from '../../../gql';

export const DirectoryDocument = graphql(`
  query AdminDirectory {
    consortia(first: 100) { nodes { id name kind region leadHospital { id name } hospitals { id name } } }
    hospitals(first: 100) { nodes { id name tier county latitude longitude grid { id name } consortia { id name } } }
    grids(first: 100) { nodes { id name responsibleConsortium { id name } } }
    departments { id nameZh nameEn }
  }
`);

export const PeopleDocument = graphql(`
  query AdminPeople($nameContains: String) {
    people(first: 100, nameContains: $nameContains) { nodes { id name username roles title active hospital { id name } specialties { id nameZh nameEn } } }
  }
`);

export const CreateConsortiumDocument = graphql(`
  mutation AdminCreateConsortium($input: CreateConsortiumInput!) { createConsortium(input: $input) { id } }
`);
export const UpdateConsortiumDocument = graphql(`
  mutation AdminUpdateConsortium($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }
`);
export const CreateHospitalDocument = graphql(`
  mutation AdminCreateHospital($input: CreateHospitalInput!) { createHospital(input: $input) { id } }
`);
export const UpdateHospitalDocument = graphql(`
  mutation AdminUpdateHospital($input: UpdateHospitalInput!) { updateHospital(input: $input) { id } }
`);
export const AddMemberDocument = graphql(`
  mutation AdminAddMember($input: MembershipInput!) { addHospitalToConsortium(input: $input) { id } }
`);
export const RemoveMemberDocument = graphql(`
  mutation AdminRemoveMember($input: MembershipInput!) { removeHospitalFromConsortium(input: $input) { id } }
`);
export const CreateGridDocument = graphql(`
  mutation AdminCreateGrid($input: CreateGridInput!) { createGrid(input: $input) { id } }
`);
export const CreatePersonDocument = graphql(`
  mutation AdminCreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }
`);
export const UpdatePersonDocument = graphql(`
  mutation AdminUpdatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }
`);

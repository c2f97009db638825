import { graphql } from '../../../gql';

graphql(`
  fragment ReferralRow on Referral {
    id state direction greenChannel diagnosisCode diagnosisText justification carePlan
    proposedAt acceptedAt arrivedAt completedAt declinedAt cancelledAt expectedArrivalDate declineReason cancelReason
    patient { id name }
    fromHospital { id name }
    toHospital { id name }
    toDepartment { id nameZh nameEn }
    referredBy { id name }
    criteria { id code condition }
    sourceConsultation { id }
  }
`);

export const ReferralsDocument = graphql(`
  query DoctorReferrals($incoming: Boolean, $after: String) {
    referrals(incoming: $incoming, first: 50, after: $after) { totalCount nodes { ...ReferralRow } }
  }
`);

export const ReferralChangedDocument = graphql(`
  subscription DoctorReferralChanged($incomingOnly: Boolean!, $after: ID) {
    referralChanged(incomingOnly: $incomingOnly, after: $after) { cursor action referralId state direction toHospitalId fromHospitalId }
  }
`);

export const ReferralFormDataDocument = graphql(`
  query DoctorReferralFormData {
    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }
    departments { id code nameZh nameEn }
  }
`);

export const CriteriaDocument = graphql(`
  query DoctorReferralCriteria($direction: ReferralDirection, $diagnosisCode: String) {
    referralCriteria(direction: $direction, diagnosisCode: $diagnosisCode) { id code condition criterion greenChannel }
  }
`);

export const SourceConsultationDocument = graphql(`
  query DoctorReferralSource($id: ID!) {
    consultation(id: $id) { id patient { id name } opinion { diagnosisCode diagnosisText impression recommendations referUp } }
  }
`);

export const ProposeReferralDocument = graphql(`
  mutation DoctorProposeReferral($input: ProposeReferralInput!) {
    proposeReferral(input: $input) { ...ReferralRow }
  }
`);

export const ReferFromConsultationDocument = graphql(`
  mutation DoctorReferFromConsultation($input: ReferFromConsultationInput!) {
    referFromConsultation(input: $input) { ...ReferralRow }
  }
`);

export const AcceptReferralDocument = graphql(`
  mutation DoctorAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { ...ReferralRow } }
`);
export const DeclineReferralDocument = graphql(`
  mutation DoctorDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { ...ReferralRow } }
`);
export const CancelReferralDocument = graphql(`
  mutation DoctorCancelReferral($input: ReferralReasonInput!) { cancelReferral(input: $input) { ...ReferralRow } }
`);
export const ArrivedReferralDocument = graphql(`
  mutation DoctorReferralArrived($id: ID!) { markReferralArrived(id: $id) { ...ReferralRow } }
`);
export const CompleteReferralDocument = graphql(`
  mutation DoctorCompleteReferral($id: ID!) { completeReferral(id: $id) { ...ReferralRow } }
`);

import { graphql } from '../../../gql';

export const ConsultationsDocument = graphql(`
  query DoctorConsultations($state: ConsultationState, $after: String) {
    consultations(state: $state, first: 50, after: $after) {
      totalCount
      nodes {
        id state urgency requestedAt scheduledStart
        patient { id name }
        specialty { id nameZh nameEn }
        specialist { id name }
      }
    }
  }
`);

export const RequestFormDataDocument = graphql(`
  query DoctorRequestFormData {
    departments { id code nameZh nameEn }
    me { id hospital { id consortia { id name } } }
  }
`);

export const RequestConsultationDocument = graphql(`
  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {
    requestConsultation(input: $input) { id state }
  }
`);

export const ConsultationDocument = graphql(`
  query DoctorConsultation($id: ID!) {
    consultation(id: $id) {
      id state urgency effectiveUrgency question clinicalSummary
      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt
      cancelledAt cancelReason handedBackAt handBackReason escalatedAt
      patient { id name sex birthDate nationalIdMasked }
      specialty { id nameZh nameEn }
      specialist { id name title hospital { id name } }
      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }
      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }
      referrals { id state direction toHospital { id name } }
    }
  }
`);

export const QueuePositionDocument = graphql(`
  subscription DoctorQueuePosition($id: ID!) {
    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }
  }
`);

export const ConsultationChangedDocument = graphql(`
  subscription DoctorConsultationChanged($id: ID, $after: ID) {
    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }
  }
`);

export const CancelConsultationDocument = graphql(`
  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {
    cancelConsultation(input: $input) { id state }
  }
`);

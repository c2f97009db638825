import { graphql } from '../../gql';

export const MyQueuesDocument = graphql(`
  query SpecialistQueues {
    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }
  }
`);

export const QueueDocument = graphql(`
  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {
    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {
      cursor totalCount asOf
      entries {
        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds
        requestingHospital { id name }
      }
    }
  }
`);

export const QueueChangedDocument = graphql(`
  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {
    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }
  }
`);

export const PreviewDocument = graphql(`
  query SpecialistPreview($id: ID!) {
    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }
  }
`);

export const ClaimDocument = graphql(`
  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }
`);

export const HandBackDocument = graphql(`
  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }
`);

export const MyConsultationsDocument = graphql(`
  query SpecialistConsultations($state: ConsultationState) {
    consultations(state: $state, first: 100) {
      totalCount
      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }
    }
  }
`);

export const SpecialistConsultationDocument = graphql(`
  query SpecialistConsultation($id: ID!) {
    consultation(id: $id) {
      id state urgency effectiveUrgency question clinicalSummary
      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt
      requestingHospital { id name tier }
      consortium { id timeZone }
      requestedBy { id name }
      patient { id name sex birthDate nationalIdMasked }
      specialty { id nameZh nameEn }
      specialist { id name hospital { id name } }
      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }
      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }
      referrals { id state direction carePlan toHospital { id name } fromHospital { id name } }
    }
  }
`);

export const ScheduleDocument = graphql(`
  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }
`);

export const StartDocument = graphql(`
  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }
`);

export const EndDocument = graphql(`
  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }
`);

export const OpinionDocument = graphql(`
  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }
`);

export const CalendarDocument = graphql(`
  query SpecialistCalendar($from: String, $to: String) {
    me { id hospital { id consortia { id timeZone } } }
    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }
    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }
  }
`);

export const SessionBookingsDocument = graphql(`
  query SpecialistSessionBookings($id: ID!) {
    clinicSession(id: $id) {
      id date session state slotCount freeSlots host { id name } specialty { id nameZh nameEn }
      bookings { id purpose slot { id position startsAt } hospital { id name } patient { id name sex birthDate } }
    }
  }
`);

export const IncomingReferralsDocument = graphql(`
  query SpecialistIncomingReferrals {
    referrals(incoming: true, first: 100) {
      totalCount
      nodes {
        id state direction greenChannel diagnosisCode diagnosisText justification carePlan proposedAt expectedArrivalDate declineReason
        patient { id name sex birthDate }
        fromHospital { id name }
        toDepartment { id nameZh nameEn }
        referredBy { id name }
        criteria { id code condition }
        sourceConsultation { id }
      }
    }
  }
`);

export const IncomingReferralChangedDocument = graphql(`
  subscription SpecialistReferralChanged($after: ID) {
    referralChanged(incomingOnly: true, after: $after) { cursor action referralId state }
  }
`);

export const AcceptReferralDocument = graphql(`
  mutation SpecialistAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { id state expectedArrivalDate } }
`);

export const DeclineReferralDocument = graphql(`
  mutation SpecialistDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { id state declineReason } }
`);

export const ReferFromConsultationDocument = graphql(`
  mutation SpecialistReferFromConsultation($input: ReferFromConsultationInput!) { referFromConsultation(input: $input) { id state direction } }
`);

export const ReferralTargetsDocument = graphql(`
  query SpecialistReferralTargets {
    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }
  }
`);

/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Me {\n    me { ...SessionPerson }\n  }\n": typeof types.MeDocument,
    "\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n": typeof types.SessionPersonFragmentDoc,
    "\n  query DoctorConsultations($state: ConsultationState, $after: String) {\n    consultations(state: $state, first: 50, after: $after) {\n      totalCount\n      nodes {\n        id state urgency requestedAt scheduledStart\n        patient { id name }\n        specialty { id nameZh nameEn }\n        specialist { id name }\n      }\n    }\n  }\n": typeof types.DoctorConsultationsDocument,
    "\n  query DoctorRequestFormData {\n    departments { id code nameZh nameEn }\n    me { id hospital { id consortia { id name } } }\n  }\n": typeof types.DoctorRequestFormDataDocument,
    "\n  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {\n    requestConsultation(input: $input) { id state }\n  }\n": typeof types.DoctorRequestConsultationDocument,
    "\n  query DoctorConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      cancelledAt cancelReason handedBackAt handBackReason escalatedAt\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name title hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n": typeof types.DoctorConsultationDocument,
    "\n  subscription DoctorQueuePosition($id: ID!) {\n    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }\n  }\n": typeof types.DoctorQueuePositionDocument,
    "\n  subscription DoctorConsultationChanged($id: ID, $after: ID) {\n    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }\n  }\n": typeof types.DoctorConsultationChangedDocument,
    "\n  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) { id state }\n  }\n": typeof types.DoctorCancelConsultationDocument,
    "\n  fragment SessionCard on ClinicSession {\n    id\n    date\n    session\n    state\n    freeSlots\n    slotCount\n    slotMinutes\n    host { id name }\n    specialist { id name title }\n    specialty { id code nameZh nameEn }\n  }\n": typeof types.SessionCardFragmentDoc,
    "\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard }\n  }\n": typeof types.BookingSlipFragmentDoc,
    "\n  query DoctorVisibleHosts {\n    me { id hospital { id name consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n": typeof types.DoctorVisibleHostsDocument,
    "\n  query DoctorHostSessions($hostId: ID!, $from: String, $to: String) {\n    hostSessions(hostId: $hostId, from: $from, to: $to) { ...SessionCard }\n  }\n": typeof types.DoctorHostSessionsDocument,
    "\n  query DoctorClinicSession($id: ID!) {\n    clinicSession(id: $id) {\n      ...SessionCard\n      slots { id position startsAt booked }\n      myBookings { ...BookingSlip }\n    }\n  }\n": typeof types.DoctorClinicSessionDocument,
    "\n  mutation DoctorBookSlot($input: BookSlotInput!) {\n    bookClinicSlot(input: $input) { ...BookingSlip }\n  }\n": typeof types.DoctorBookSlotDocument,
    "\n  mutation DoctorCancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) { id state }\n  }\n": typeof types.DoctorCancelBookingDocument,
    "\n  query DoctorNeedingRebooking {\n    bookingsNeedingRebooking { ...BookingSlip }\n  }\n": typeof types.DoctorNeedingRebookingDocument,
    "\n  mutation DoctorRebook($input: RebookInput!) {\n    rebookBooking(input: $input) { ...BookingSlip }\n  }\n": typeof types.DoctorRebookDocument,
    "\n  query DoctorPatientOptions($nameContains: String) {\n    patients(nameContains: $nameContains, first: 20) { nodes { id name sex birthDate nationalIdMasked } }\n  }\n": typeof types.DoctorPatientOptionsDocument,
    "\n  query DoctorPatient($id: ID!) {\n    patient(id: $id) { id name sex birthDate nationalIdMasked }\n  }\n": typeof types.DoctorPatientDocument,
    "\n  subscription DoctorBookingFeed($after: ID) {\n    bookingChanged(after: $after) { cursor action bookingId patientId toSessionId }\n  }\n": typeof types.DoctorBookingFeedDocument,
    "\n  subscription DoctorConsultationFeed($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId state }\n  }\n": typeof types.DoctorConsultationFeedDocument,
    "\n  fragment PatientRow on Patient {\n    id\n    name\n    sex\n    birthDate\n    nationalIdMasked\n    createdAt\n  }\n": typeof types.PatientRowFragmentDoc,
    "\n  query DoctorPatients($nameContains: String, $after: String) {\n    patients(nameContains: $nameContains, first: 20, after: $after) {\n      totalCount\n      nodes { ...PatientRow }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": typeof types.DoctorPatientsDocument,
    "\n  query DoctorPatientByNationalId($nationalId: String!) {\n    patientByNationalId(nationalId: $nationalId) { ...PatientRow }\n  }\n": typeof types.DoctorPatientByNationalIdDocument,
    "\n  mutation DoctorRegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { ...PatientRow }\n  }\n": typeof types.DoctorRegisterPatientDocument,
    "\n  fragment ReferralRow on Referral {\n    id state direction greenChannel diagnosisCode diagnosisText justification carePlan\n    proposedAt acceptedAt arrivedAt completedAt declinedAt cancelledAt expectedArrivalDate declineReason cancelReason\n    patient { id name }\n    fromHospital { id name }\n    toHospital { id name }\n    toDepartment { id nameZh nameEn }\n    referredBy { id name }\n    criteria { id code condition }\n    sourceConsultation { id }\n  }\n": typeof types.ReferralRowFragmentDoc,
    "\n  query DoctorReferrals($incoming: Boolean, $after: String) {\n    referrals(incoming: $incoming, first: 50, after: $after) { totalCount nodes { ...ReferralRow } }\n  }\n": typeof types.DoctorReferralsDocument,
    "\n  subscription DoctorReferralChanged($incomingOnly: Boolean!, $after: ID) {\n    referralChanged(incomingOnly: $incomingOnly, after: $after) { cursor action referralId state direction toHospitalId fromHospitalId }\n  }\n": typeof types.DoctorReferralChangedDocument,
    "\n  query DoctorReferralFormData {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n": typeof types.DoctorReferralFormDataDocument,
    "\n  query DoctorReferralCriteria($direction: ReferralDirection, $diagnosisCode: String) {\n    referralCriteria(direction: $direction, diagnosisCode: $diagnosisCode) { id code condition criterion greenChannel }\n  }\n": typeof types.DoctorReferralCriteriaDocument,
    "\n  query DoctorReferralSource($id: ID!) {\n    consultation(id: $id) { id patient { id name } opinion { diagnosisCode diagnosisText impression recommendations referUp } }\n  }\n": typeof types.DoctorReferralSourceDocument,
    "\n  mutation DoctorProposeReferral($input: ProposeReferralInput!) {\n    proposeReferral(input: $input) { ...ReferralRow }\n  }\n": typeof types.DoctorProposeReferralDocument,
    "\n  mutation DoctorReferFromConsultation($input: ReferFromConsultationInput!) {\n    referFromConsultation(input: $input) { ...ReferralRow }\n  }\n": typeof types.DoctorReferFromConsultationDocument,
    "\n  mutation DoctorAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { ...ReferralRow } }\n": typeof types.DoctorAcceptReferralDocument,
    "\n  mutation DoctorDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { ...ReferralRow } }\n": typeof types.DoctorDeclineReferralDocument,
    "\n  mutation DoctorCancelReferral($input: ReferralReasonInput!) { cancelReferral(input: $input) { ...ReferralRow } }\n": typeof types.DoctorCancelReferralDocument,
    "\n  mutation DoctorReferralArrived($id: ID!) { markReferralArrived(id: $id) { ...ReferralRow } }\n": typeof types.DoctorReferralArrivedDocument,
    "\n  mutation DoctorCompleteReferral($id: ID!) { completeReferral(id: $id) { ...ReferralRow } }\n": typeof types.DoctorCompleteReferralDocument,
    "\n  query SpecialistQueues {\n    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }\n  }\n": typeof types.SpecialistQueuesDocument,
    "\n  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {\n    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {\n      cursor totalCount asOf\n      entries {\n        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds\n        requestingHospital { id name }\n      }\n    }\n  }\n": typeof types.SpecialistQueueDocument,
    "\n  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {\n    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }\n  }\n": typeof types.SpecialistQueueChangedDocument,
    "\n  query SpecialistPreview($id: ID!) {\n    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }\n  }\n": typeof types.SpecialistPreviewDocument,
    "\n  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }\n": typeof types.SpecialistClaimDocument,
    "\n  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }\n": typeof types.SpecialistHandBackDocument,
    "\n  query SpecialistConsultations($state: ConsultationState) {\n    consultations(state: $state, first: 100) {\n      totalCount\n      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }\n    }\n  }\n": typeof types.SpecialistConsultationsDocument,
    "\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n": typeof types.SpecialistConsultationDocument,
    "\n  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }\n": typeof types.SpecialistScheduleDocument,
    "\n  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }\n": typeof types.SpecialistStartDocument,
    "\n  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }\n": typeof types.SpecialistEndDocument,
    "\n  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }\n": typeof types.SpecialistOpinionDocument,
    "\n  query SpecialistCalendar($from: String, $to: String) {\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n": typeof types.SpecialistCalendarDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n": types.SignInDocument,
    "\n  query Me {\n    me { ...SessionPerson }\n  }\n": types.MeDocument,
    "\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n": types.SessionPersonFragmentDoc,
    "\n  query DoctorConsultations($state: ConsultationState, $after: String) {\n    consultations(state: $state, first: 50, after: $after) {\n      totalCount\n      nodes {\n        id state urgency requestedAt scheduledStart\n        patient { id name }\n        specialty { id nameZh nameEn }\n        specialist { id name }\n      }\n    }\n  }\n": types.DoctorConsultationsDocument,
    "\n  query DoctorRequestFormData {\n    departments { id code nameZh nameEn }\n    me { id hospital { id consortia { id name } } }\n  }\n": types.DoctorRequestFormDataDocument,
    "\n  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {\n    requestConsultation(input: $input) { id state }\n  }\n": types.DoctorRequestConsultationDocument,
    "\n  query DoctorConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      cancelledAt cancelReason handedBackAt handBackReason escalatedAt\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name title hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n": types.DoctorConsultationDocument,
    "\n  subscription DoctorQueuePosition($id: ID!) {\n    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }\n  }\n": types.DoctorQueuePositionDocument,
    "\n  subscription DoctorConsultationChanged($id: ID, $after: ID) {\n    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }\n  }\n": types.DoctorConsultationChangedDocument,
    "\n  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) { id state }\n  }\n": types.DoctorCancelConsultationDocument,
    "\n  fragment SessionCard on ClinicSession {\n    id\n    date\n    session\n    state\n    freeSlots\n    slotCount\n    slotMinutes\n    host { id name }\n    specialist { id name title }\n    specialty { id code nameZh nameEn }\n  }\n": types.SessionCardFragmentDoc,
    "\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard }\n  }\n": types.BookingSlipFragmentDoc,
    "\n  query DoctorVisibleHosts {\n    me { id hospital { id name consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n": types.DoctorVisibleHostsDocument,
    "\n  query DoctorHostSessions($hostId: ID!, $from: String, $to: String) {\n    hostSessions(hostId: $hostId, from: $from, to: $to) { ...SessionCard }\n  }\n": types.DoctorHostSessionsDocument,
    "\n  query DoctorClinicSession($id: ID!) {\n    clinicSession(id: $id) {\n      ...SessionCard\n      slots { id position startsAt booked }\n      myBookings { ...BookingSlip }\n    }\n  }\n": types.DoctorClinicSessionDocument,
    "\n  mutation DoctorBookSlot($input: BookSlotInput!) {\n    bookClinicSlot(input: $input) { ...BookingSlip }\n  }\n": types.DoctorBookSlotDocument,
    "\n  mutation DoctorCancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) { id state }\n  }\n": types.DoctorCancelBookingDocument,
    "\n  query DoctorNeedingRebooking {\n    bookingsNeedingRebooking { ...BookingSlip }\n  }\n": types.DoctorNeedingRebookingDocument,
    "\n  mutation DoctorRebook($input: RebookInput!) {\n    rebookBooking(input: $input) { ...BookingSlip }\n  }\n": types.DoctorRebookDocument,
    "\n  query DoctorPatientOptions($nameContains: String) {\n    patients(nameContains: $nameContains, first: 20) { nodes { id name sex birthDate nationalIdMasked } }\n  }\n": types.DoctorPatientOptionsDocument,
    "\n  query DoctorPatient($id: ID!) {\n    patient(id: $id) { id name sex birthDate nationalIdMasked }\n  }\n": types.DoctorPatientDocument,
    "\n  subscription DoctorBookingFeed($after: ID) {\n    bookingChanged(after: $after) { cursor action bookingId patientId toSessionId }\n  }\n": types.DoctorBookingFeedDocument,
    "\n  subscription DoctorConsultationFeed($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId state }\n  }\n": types.DoctorConsultationFeedDocument,
    "\n  fragment PatientRow on Patient {\n    id\n    name\n    sex\n    birthDate\n    nationalIdMasked\n    createdAt\n  }\n": types.PatientRowFragmentDoc,
    "\n  query DoctorPatients($nameContains: String, $after: String) {\n    patients(nameContains: $nameContains, first: 20, after: $after) {\n      totalCount\n      nodes { ...PatientRow }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n": types.DoctorPatientsDocument,
    "\n  query DoctorPatientByNationalId($nationalId: String!) {\n    patientByNationalId(nationalId: $nationalId) { ...PatientRow }\n  }\n": types.DoctorPatientByNationalIdDocument,
    "\n  mutation DoctorRegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { ...PatientRow }\n  }\n": types.DoctorRegisterPatientDocument,
    "\n  fragment ReferralRow on Referral {\n    id state direction greenChannel diagnosisCode diagnosisText justification carePlan\n    proposedAt acceptedAt arrivedAt completedAt declinedAt cancelledAt expectedArrivalDate declineReason cancelReason\n    patient { id name }\n    fromHospital { id name }\n    toHospital { id name }\n    toDepartment { id nameZh nameEn }\n    referredBy { id name }\n    criteria { id code condition }\n    sourceConsultation { id }\n  }\n": types.ReferralRowFragmentDoc,
    "\n  query DoctorReferrals($incoming: Boolean, $after: String) {\n    referrals(incoming: $incoming, first: 50, after: $after) { totalCount nodes { ...ReferralRow } }\n  }\n": types.DoctorReferralsDocument,
    "\n  subscription DoctorReferralChanged($incomingOnly: Boolean!, $after: ID) {\n    referralChanged(incomingOnly: $incomingOnly, after: $after) { cursor action referralId state direction toHospitalId fromHospitalId }\n  }\n": types.DoctorReferralChangedDocument,
    "\n  query DoctorReferralFormData {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n": types.DoctorReferralFormDataDocument,
    "\n  query DoctorReferralCriteria($direction: ReferralDirection, $diagnosisCode: String) {\n    referralCriteria(direction: $direction, diagnosisCode: $diagnosisCode) { id code condition criterion greenChannel }\n  }\n": types.DoctorReferralCriteriaDocument,
    "\n  query DoctorReferralSource($id: ID!) {\n    consultation(id: $id) { id patient { id name } opinion { diagnosisCode diagnosisText impression recommendations referUp } }\n  }\n": types.DoctorReferralSourceDocument,
    "\n  mutation DoctorProposeReferral($input: ProposeReferralInput!) {\n    proposeReferral(input: $input) { ...ReferralRow }\n  }\n": types.DoctorProposeReferralDocument,
    "\n  mutation DoctorReferFromConsultation($input: ReferFromConsultationInput!) {\n    referFromConsultation(input: $input) { ...ReferralRow }\n  }\n": types.DoctorReferFromConsultationDocument,
    "\n  mutation DoctorAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { ...ReferralRow } }\n": types.DoctorAcceptReferralDocument,
    "\n  mutation DoctorDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { ...ReferralRow } }\n": types.DoctorDeclineReferralDocument,
    "\n  mutation DoctorCancelReferral($input: ReferralReasonInput!) { cancelReferral(input: $input) { ...ReferralRow } }\n": types.DoctorCancelReferralDocument,
    "\n  mutation DoctorReferralArrived($id: ID!) { markReferralArrived(id: $id) { ...ReferralRow } }\n": types.DoctorReferralArrivedDocument,
    "\n  mutation DoctorCompleteReferral($id: ID!) { completeReferral(id: $id) { ...ReferralRow } }\n": types.DoctorCompleteReferralDocument,
    "\n  query SpecialistQueues {\n    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }\n  }\n": types.SpecialistQueuesDocument,
    "\n  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {\n    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {\n      cursor totalCount asOf\n      entries {\n        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds\n        requestingHospital { id name }\n      }\n    }\n  }\n": types.SpecialistQueueDocument,
    "\n  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {\n    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }\n  }\n": types.SpecialistQueueChangedDocument,
    "\n  query SpecialistPreview($id: ID!) {\n    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }\n  }\n": types.SpecialistPreviewDocument,
    "\n  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }\n": types.SpecialistClaimDocument,
    "\n  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }\n": types.SpecialistHandBackDocument,
    "\n  query SpecialistConsultations($state: ConsultationState) {\n    consultations(state: $state, first: 100) {\n      totalCount\n      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }\n    }\n  }\n": types.SpecialistConsultationsDocument,
    "\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n": types.SpecialistConsultationDocument,
    "\n  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }\n": types.SpecialistScheduleDocument,
    "\n  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }\n": types.SpecialistStartDocument,
    "\n  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }\n": types.SpecialistEndDocument,
    "\n  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }\n": types.SpecialistOpinionDocument,
    "\n  query SpecialistCalendar($from: String, $to: String) {\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n": types.SpecialistCalendarDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { ...SessionPerson }\n  }\n"): (typeof documents)["\n  query Me {\n    me { ...SessionPerson }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n"): (typeof documents)["\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorConsultations($state: ConsultationState, $after: String) {\n    consultations(state: $state, first: 50, after: $after) {\n      totalCount\n      nodes {\n        id state urgency requestedAt scheduledStart\n        patient { id name }\n        specialty { id nameZh nameEn }\n        specialist { id name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DoctorConsultations($state: ConsultationState, $after: String) {\n    consultations(state: $state, first: 50, after: $after) {\n      totalCount\n      nodes {\n        id state urgency requestedAt scheduledStart\n        patient { id name }\n        specialty { id nameZh nameEn }\n        specialist { id name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorRequestFormData {\n    departments { id code nameZh nameEn }\n    me { id hospital { id consortia { id name } } }\n  }\n"): (typeof documents)["\n  query DoctorRequestFormData {\n    departments { id code nameZh nameEn }\n    me { id hospital { id consortia { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {\n    requestConsultation(input: $input) { id state }\n  }\n"): (typeof documents)["\n  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {\n    requestConsultation(input: $input) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      cancelledAt cancelReason handedBackAt handBackReason escalatedAt\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name title hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n"): (typeof documents)["\n  query DoctorConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      cancelledAt cancelReason handedBackAt handBackReason escalatedAt\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name title hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoctorQueuePosition($id: ID!) {\n    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }\n  }\n"): (typeof documents)["\n  subscription DoctorQueuePosition($id: ID!) {\n    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoctorConsultationChanged($id: ID, $after: ID) {\n    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }\n  }\n"): (typeof documents)["\n  subscription DoctorConsultationChanged($id: ID, $after: ID) {\n    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) { id state }\n  }\n"): (typeof documents)["\n  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionCard on ClinicSession {\n    id\n    date\n    session\n    state\n    freeSlots\n    slotCount\n    slotMinutes\n    host { id name }\n    specialist { id name title }\n    specialty { id code nameZh nameEn }\n  }\n"): (typeof documents)["\n  fragment SessionCard on ClinicSession {\n    id\n    date\n    session\n    state\n    freeSlots\n    slotCount\n    slotMinutes\n    host { id name }\n    specialist { id name title }\n    specialty { id code nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard }\n  }\n"): (typeof documents)["\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorVisibleHosts {\n    me { id hospital { id name consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n"): (typeof documents)["\n  query DoctorVisibleHosts {\n    me { id hospital { id name consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorHostSessions($hostId: ID!, $from: String, $to: String) {\n    hostSessions(hostId: $hostId, from: $from, to: $to) { ...SessionCard }\n  }\n"): (typeof documents)["\n  query DoctorHostSessions($hostId: ID!, $from: String, $to: String) {\n    hostSessions(hostId: $hostId, from: $from, to: $to) { ...SessionCard }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorClinicSession($id: ID!) {\n    clinicSession(id: $id) {\n      ...SessionCard\n      slots { id position startsAt booked }\n      myBookings { ...BookingSlip }\n    }\n  }\n"): (typeof documents)["\n  query DoctorClinicSession($id: ID!) {\n    clinicSession(id: $id) {\n      ...SessionCard\n      slots { id position startsAt booked }\n      myBookings { ...BookingSlip }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorBookSlot($input: BookSlotInput!) {\n    bookClinicSlot(input: $input) { ...BookingSlip }\n  }\n"): (typeof documents)["\n  mutation DoctorBookSlot($input: BookSlotInput!) {\n    bookClinicSlot(input: $input) { ...BookingSlip }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorCancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) { id state }\n  }\n"): (typeof documents)["\n  mutation DoctorCancelBooking($input: CancelBookingInput!) {\n    cancelBooking(input: $input) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorNeedingRebooking {\n    bookingsNeedingRebooking { ...BookingSlip }\n  }\n"): (typeof documents)["\n  query DoctorNeedingRebooking {\n    bookingsNeedingRebooking { ...BookingSlip }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorRebook($input: RebookInput!) {\n    rebookBooking(input: $input) { ...BookingSlip }\n  }\n"): (typeof documents)["\n  mutation DoctorRebook($input: RebookInput!) {\n    rebookBooking(input: $input) { ...BookingSlip }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorPatientOptions($nameContains: String) {\n    patients(nameContains: $nameContains, first: 20) { nodes { id name sex birthDate nationalIdMasked } }\n  }\n"): (typeof documents)["\n  query DoctorPatientOptions($nameContains: String) {\n    patients(nameContains: $nameContains, first: 20) { nodes { id name sex birthDate nationalIdMasked } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorPatient($id: ID!) {\n    patient(id: $id) { id name sex birthDate nationalIdMasked }\n  }\n"): (typeof documents)["\n  query DoctorPatient($id: ID!) {\n    patient(id: $id) { id name sex birthDate nationalIdMasked }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoctorBookingFeed($after: ID) {\n    bookingChanged(after: $after) { cursor action bookingId patientId toSessionId }\n  }\n"): (typeof documents)["\n  subscription DoctorBookingFeed($after: ID) {\n    bookingChanged(after: $after) { cursor action bookingId patientId toSessionId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoctorConsultationFeed($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId state }\n  }\n"): (typeof documents)["\n  subscription DoctorConsultationFeed($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PatientRow on Patient {\n    id\n    name\n    sex\n    birthDate\n    nationalIdMasked\n    createdAt\n  }\n"): (typeof documents)["\n  fragment PatientRow on Patient {\n    id\n    name\n    sex\n    birthDate\n    nationalIdMasked\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorPatients($nameContains: String, $after: String) {\n    patients(nameContains: $nameContains, first: 20, after: $after) {\n      totalCount\n      nodes { ...PatientRow }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"): (typeof documents)["\n  query DoctorPatients($nameContains: String, $after: String) {\n    patients(nameContains: $nameContains, first: 20, after: $after) {\n      totalCount\n      nodes { ...PatientRow }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorPatientByNationalId($nationalId: String!) {\n    patientByNationalId(nationalId: $nationalId) { ...PatientRow }\n  }\n"): (typeof documents)["\n  query DoctorPatientByNationalId($nationalId: String!) {\n    patientByNationalId(nationalId: $nationalId) { ...PatientRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorRegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { ...PatientRow }\n  }\n"): (typeof documents)["\n  mutation DoctorRegisterPatient($input: RegisterPatientInput!) {\n    registerPatient(input: $input) { ...PatientRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReferralRow on Referral {\n    id state direction greenChannel diagnosisCode diagnosisText justification carePlan\n    proposedAt acceptedAt arrivedAt completedAt declinedAt cancelledAt expectedArrivalDate declineReason cancelReason\n    patient { id name }\n    fromHospital { id name }\n    toHospital { id name }\n    toDepartment { id nameZh nameEn }\n    referredBy { id name }\n    criteria { id code condition }\n    sourceConsultation { id }\n  }\n"): (typeof documents)["\n  fragment ReferralRow on Referral {\n    id state direction greenChannel diagnosisCode diagnosisText justification carePlan\n    proposedAt acceptedAt arrivedAt completedAt declinedAt cancelledAt expectedArrivalDate declineReason cancelReason\n    patient { id name }\n    fromHospital { id name }\n    toHospital { id name }\n    toDepartment { id nameZh nameEn }\n    referredBy { id name }\n    criteria { id code condition }\n    sourceConsultation { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorReferrals($incoming: Boolean, $after: String) {\n    referrals(incoming: $incoming, first: 50, after: $after) { totalCount nodes { ...ReferralRow } }\n  }\n"): (typeof documents)["\n  query DoctorReferrals($incoming: Boolean, $after: String) {\n    referrals(incoming: $incoming, first: 50, after: $after) { totalCount nodes { ...ReferralRow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoctorReferralChanged($incomingOnly: Boolean!, $after: ID) {\n    referralChanged(incomingOnly: $incomingOnly, after: $after) { cursor action referralId state direction toHospitalId fromHospitalId }\n  }\n"): (typeof documents)["\n  subscription DoctorReferralChanged($incomingOnly: Boolean!, $after: ID) {\n    referralChanged(incomingOnly: $incomingOnly, after: $after) { cursor action referralId state direction toHospitalId fromHospitalId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorReferralFormData {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n"): (typeof documents)["\n  query DoctorReferralFormData {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorReferralCriteria($direction: ReferralDirection, $diagnosisCode: String) {\n    referralCriteria(direction: $direction, diagnosisCode: $diagnosisCode) { id code condition criterion greenChannel }\n  }\n"): (typeof documents)["\n  query DoctorReferralCriteria($direction: ReferralDirection, $diagnosisCode: String) {\n    referralCriteria(direction: $direction, diagnosisCode: $diagnosisCode) { id code condition criterion greenChannel }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorReferralSource($id: ID!) {\n    consultation(id: $id) { id patient { id name } opinion { diagnosisCode diagnosisText impression recommendations referUp } }\n  }\n"): (typeof documents)["\n  query DoctorReferralSource($id: ID!) {\n    consultation(id: $id) { id patient { id name } opinion { diagnosisCode diagnosisText impression recommendations referUp } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorProposeReferral($input: ProposeReferralInput!) {\n    proposeReferral(input: $input) { ...ReferralRow }\n  }\n"): (typeof documents)["\n  mutation DoctorProposeReferral($input: ProposeReferralInput!) {\n    proposeReferral(input: $input) { ...ReferralRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorReferFromConsultation($input: ReferFromConsultationInput!) {\n    referFromConsultation(input: $input) { ...ReferralRow }\n  }\n"): (typeof documents)["\n  mutation DoctorReferFromConsultation($input: ReferFromConsultationInput!) {\n    referFromConsultation(input: $input) { ...ReferralRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { ...ReferralRow } }\n"): (typeof documents)["\n  mutation DoctorAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { ...ReferralRow } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { ...ReferralRow } }\n"): (typeof documents)["\n  mutation DoctorDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { ...ReferralRow } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorCancelReferral($input: ReferralReasonInput!) { cancelReferral(input: $input) { ...ReferralRow } }\n"): (typeof documents)["\n  mutation DoctorCancelReferral($input: ReferralReasonInput!) { cancelReferral(input: $input) { ...ReferralRow } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorReferralArrived($id: ID!) { markReferralArrived(id: $id) { ...ReferralRow } }\n"): (typeof documents)["\n  mutation DoctorReferralArrived($id: ID!) { markReferralArrived(id: $id) { ...ReferralRow } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorCompleteReferral($id: ID!) { completeReferral(id: $id) { ...ReferralRow } }\n"): (typeof documents)["\n  mutation DoctorCompleteReferral($id: ID!) { completeReferral(id: $id) { ...ReferralRow } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistQueues {\n    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }\n  }\n"): (typeof documents)["\n  query SpecialistQueues {\n    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {\n    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {\n      cursor totalCount asOf\n      entries {\n        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds\n        requestingHospital { id name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {\n    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {\n      cursor totalCount asOf\n      entries {\n        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds\n        requestingHospital { id name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {\n    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }\n  }\n"): (typeof documents)["\n  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {\n    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistPreview($id: ID!) {\n    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }\n  }\n"): (typeof documents)["\n  query SpecialistPreview($id: ID!) {\n    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }\n"): (typeof documents)["\n  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }\n"): (typeof documents)["\n  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistConsultations($state: ConsultationState) {\n    consultations(state: $state, first: 100) {\n      totalCount\n      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }\n    }\n  }\n"): (typeof documents)["\n  query SpecialistConsultations($state: ConsultationState) {\n    consultations(state: $state, first: 100) {\n      totalCount\n      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n"): (typeof documents)["\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }\n"): (typeof documents)["\n  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }\n"): (typeof documents)["\n  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }\n"): (typeof documents)["\n  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }\n"): (typeof documents)["\n  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistCalendar($from: String, $to: String) {\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n"): (typeof documents)["\n  query SpecialistCalendar($from: String, $to: String) {\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
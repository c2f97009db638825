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
    "\n  query EventCursor {\n    eventCursor\n  }\n": typeof types.EventCursorDocument,
    "\n  mutation SetMyLanguage($language: String) {\n    setMyLanguage(language: $language) { id language }\n  }\n": typeof types.SetMyLanguageDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me { ...SessionPerson }\n  }\n": typeof types.MeDocument,
    "\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    language\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n": typeof types.SessionPersonFragmentDoc,
    "\n  query DoctorConsultations($state: ConsultationState, $after: String) {\n    consultations(state: $state, first: 50, after: $after) {\n      totalCount\n      nodes {\n        id state urgency requestedAt scheduledStart\n        patient { id name }\n        specialty { id nameZh nameEn }\n        specialist { id name }\n      }\n    }\n  }\n": typeof types.DoctorConsultationsDocument,
    "\n  query DoctorRequestFormData {\n    departments { id code nameZh nameEn }\n    me { id hospital { id consortia { id name } } }\n  }\n": typeof types.DoctorRequestFormDataDocument,
    "\n  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {\n    requestConsultation(input: $input) { id state }\n  }\n": typeof types.DoctorRequestConsultationDocument,
    "\n  query DoctorConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      cancelledAt cancelReason handedBackAt handBackReason escalatedAt\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name title hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n": typeof types.DoctorConsultationDocument,
    "\n  subscription DoctorQueuePosition($id: ID!) {\n    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }\n  }\n": typeof types.DoctorQueuePositionDocument,
    "\n  subscription DoctorConsultationChanged($id: ID, $after: ID) {\n    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }\n  }\n": typeof types.DoctorConsultationChangedDocument,
    "\n  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) { id state }\n  }\n": typeof types.DoctorCancelConsultationDocument,
    "\n  fragment SessionCard on ClinicSession {\n    id\n    date\n    session\n    state\n    freeSlots\n    slotCount\n    slotMinutes\n    host { id name }\n    specialist { id name title }\n    specialty { id code nameZh nameEn }\n  }\n": typeof types.SessionCardFragmentDoc,
    "\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard cancelledReason }\n  }\n": typeof types.BookingSlipFragmentDoc,
    "\n  query DoctorVisibleHosts {\n    me { id hospital { id name tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n": typeof types.DoctorVisibleHostsDocument,
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
    "\n  query SchedulerAssessment($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) {\n      consortiumId from to\n      referrals {\n        up down upDownRatio greenChannel accepted declined completed cancelled withoutCriterion medianHoursToAccept\n        topCriteria { referrals criterion { id code condition direction } }\n      }\n      consultations { urgency requested claimed waitToClaimP50Seconds waitToClaimP90Seconds deadlineSeconds deadlineBreaches escalations completed cancelled }\n      roster { available reason totalDemanded totalDelivered slots bookedSlots slotUtilisation hosts { hospitalId demanded delivered hospital { id name } } }\n    }\n  }\n": typeof types.SchedulerAssessmentDocument,
    "\n  query SchedulerAssessmentRatio($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) { from to referrals { up down upDownRatio } }\n  }\n": typeof types.SchedulerAssessmentRatioDocument,
    "\n  query SchedulerAssessmentRecords($consortiumId: ID!, $from: String!, $to: String!, $figure: AssessmentFigure!, $urgency: Urgency, $hospitalId: ID, $criterionId: ID) {\n    assessmentRecords(consortiumId: $consortiumId, from: $from, to: $to, figure: $figure, urgency: $urgency, hospitalId: $hospitalId, criterionId: $criterionId) {\n      kind id at state from to category specialty waitedSeconds\n    }\n  }\n": typeof types.SchedulerAssessmentRecordsDocument,
    "\n  query AdminDirectory {\n    consortia(first: 100) { nodes { id name kind region leadHospital { id name } hospitals { id name } } }\n    hospitals(first: 100) { nodes { id name tier county latitude longitude grid { id name } consortia { id name } } }\n    grids(first: 100) { nodes { id name responsibleConsortium { id name } } }\n    departments { id nameZh nameEn }\n  }\n": typeof types.AdminDirectoryDocument,
    "\n  query AdminPeople($nameContains: String) {\n    people(first: 100, nameContains: $nameContains) { nodes { id name username roles title active hospital { id name } specialties { id nameZh nameEn } } }\n  }\n": typeof types.AdminPeopleDocument,
    "\n  mutation AdminCreateConsortium($input: CreateConsortiumInput!) { createConsortium(input: $input) { id } }\n": typeof types.AdminCreateConsortiumDocument,
    "\n  mutation AdminUpdateConsortium($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }\n": typeof types.AdminUpdateConsortiumDocument,
    "\n  mutation AdminCreateHospital($input: CreateHospitalInput!) { createHospital(input: $input) { id } }\n": typeof types.AdminCreateHospitalDocument,
    "\n  mutation AdminUpdateHospital($input: UpdateHospitalInput!) { updateHospital(input: $input) { id } }\n": typeof types.AdminUpdateHospitalDocument,
    "\n  mutation AdminAddMember($input: MembershipInput!) { addHospitalToConsortium(input: $input) { id } }\n": typeof types.AdminAddMemberDocument,
    "\n  mutation AdminRemoveMember($input: MembershipInput!) { removeHospitalFromConsortium(input: $input) { id } }\n": typeof types.AdminRemoveMemberDocument,
    "\n  mutation AdminCreateGrid($input: CreateGridInput!) { createGrid(input: $input) { id } }\n": typeof types.AdminCreateGridDocument,
    "\n  mutation AdminCreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }\n": typeof types.AdminCreatePersonDocument,
    "\n  mutation AdminUpdatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }\n": typeof types.AdminUpdatePersonDocument,
    "\n  query SchedulerConsortia {\n    me { id hospital { id consortia { id name } } }\n  }\n": typeof types.SchedulerConsortiaDocument,
    "\n  query SchedulerConsortiumDirectory($id: ID!) {\n    consortium(id: $id) { id name hospitals { id name tier } }\n    departments { id code nameZh nameEn }\n    people(role: SPECIALIST, first: 100) { nodes { id name hospital { id name } specialties { id nameZh nameEn } } }\n  }\n": typeof types.SchedulerConsortiumDirectoryDocument,
    "\n  fragment BoardAssignment on RosterAssignment {\n    id date session pinned source state movedFromId\n    specialist { id name }\n    host { id name }\n    specialty { id nameZh nameEn }\n    demand { id }\n  }\n": typeof types.BoardAssignmentFragmentDoc,
    "\n  query SchedulerCalendarDays($from: String!, $to: String!) {\n    holidays(from: $from, to: $to) { date kind name nameEn }\n  }\n": typeof types.SchedulerCalendarDaysDocument,
    "\n  query SchedulerRosters($consortiumId: ID!) {\n    rosters(consortiumId: $consortiumId) { id periodStart periodEnd state amendments publishedAt }\n  }\n": typeof types.SchedulerRostersDocument,
    "\n  query SchedulerRosterBoard($id: ID!) {\n    roster(id: $id) {\n      id periodStart periodEnd state amendments publishedAt\n      assignments { ...BoardAssignment }\n      jobs { id state percent createdAt }\n    }\n  }\n": typeof types.SchedulerRosterBoardDocument,
    "\n  mutation SchedulerCreateRoster($input: CreateRosterInput!) {\n    createRoster(input: $input) { id periodStart periodEnd state }\n  }\n": typeof types.SchedulerCreateRosterDocument,
    "\n  subscription SchedulerRosterChanged($rosterId: ID, $after: ID) {\n    rosterChanged(rosterId: $rosterId, after: $after) { cursor action rosterId state }\n  }\n": typeof types.SchedulerRosterChangedDocument,
    "\n  query SchedulerApprovedDemands($consortiumId: ID!) {\n    rotationDemands(consortiumId: $consortiumId, state: APPROVED, first: 100) {\n      nodes { id expertDays session periodStart periodEnd priority host { id name } specialty { id nameZh nameEn } }\n    }\n  }\n": typeof types.SchedulerApprovedDemandsDocument,
    "\n  fragment EditPreview on AmendmentPreview {\n    allowed bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled\n    violations { rule message date }\n  }\n": typeof types.EditPreviewFragmentDoc,
    "\n  fragment EditResult on AmendmentResult {\n    bookingsMoved bookingsFlagged\n    assignments { ...BoardAssignment }\n    removed { id date specialist { id } }\n    affectedBookings { id state reason movedToId hospital { id name } clinicSession { id date session } }\n  }\n": typeof types.EditResultFragmentDoc,
    "\n  query SchedulerPreviewMove($input: MoveAssignmentInput!) {\n    previewMoveAssignment(input: $input) { ...EditPreview }\n  }\n": typeof types.SchedulerPreviewMoveDocument,
    "\n  query SchedulerPreviewAssign($input: AssignSpecialistInput!) {\n    previewAssignSpecialist(input: $input) { ...EditPreview }\n  }\n": typeof types.SchedulerPreviewAssignDocument,
    "\n  query SchedulerPreviewRemove($input: RemoveAssignmentInput!) {\n    previewRemoveAssignment(input: $input) { ...EditPreview }\n  }\n": typeof types.SchedulerPreviewRemoveDocument,
    "\n  mutation SchedulerMoveAssignment($input: MoveAssignmentInput!) {\n    moveAssignment(input: $input) { ...EditResult }\n  }\n": typeof types.SchedulerMoveAssignmentDocument,
    "\n  mutation SchedulerAssignSpecialist($input: AssignSpecialistInput!) {\n    assignSpecialist(input: $input) { ...EditResult }\n  }\n": typeof types.SchedulerAssignSpecialistDocument,
    "\n  mutation SchedulerRemoveAssignment($input: RemoveAssignmentInput!) {\n    removeAssignment(input: $input) { ...EditResult }\n  }\n": typeof types.SchedulerRemoveAssignmentDocument,
    "\n  mutation SchedulerSetPinned($id: ID!, $pinned: Boolean!) {\n    setAssignmentPinned(assignmentId: $id, pinned: $pinned) { id pinned }\n  }\n": typeof types.SchedulerSetPinnedDocument,
    "\n  query SchedulerRosterViolations($id: ID!) {\n    rosterViolations(rosterId: $id) { rule message date assignmentIds }\n  }\n": typeof types.SchedulerRosterViolationsDocument,
    "\n  mutation SchedulerPublishRoster($id: ID!) {\n    publishRoster(id: $id) { id state publishedAt }\n  }\n": typeof types.SchedulerPublishRosterDocument,
    "\n  mutation SchedulerStartOptimization($input: StartOptimizationInput!) {\n    startRosterOptimization(input: $input) { id state cursor }\n  }\n": typeof types.SchedulerStartOptimizationDocument,
    "\n  mutation SchedulerCancelJob($id: ID!) {\n    cancelRosterJob(id: $id) { id cancelRequested }\n  }\n": typeof types.SchedulerCancelJobDocument,
    "\n  subscription SchedulerJobProgress($jobId: ID!, $after: ID) {\n    rosterJobProgress(jobId: $jobId, after: $after) {\n      cursor action state phase percent bestObjective bound gap error\n      objective { total coverage fairness continuity preference travel }\n    }\n  }\n": typeof types.SchedulerJobProgressDocument,
    "\n  query SchedulerJobSummary($id: ID!) {\n    rosterJob(id: $id) {\n      id state error\n      summary {\n        method status stopReason bound gap coveragePercent expertDaysDemanded expertDaysAssigned pinnedKept assignmentsWritten timeMs\n        objective { total coverage fairness continuity preference travel }\n        unmet { demandId hostId missingDays reason detail }\n        droppedOnWrite { specialistId demandId date rule message }\n      }\n    }\n  }\n": typeof types.SchedulerJobSummaryDocument,
    "\n  query SchedulerDemands($consortiumId: ID!, $state: DemandState) {\n    rotationDemands(consortiumId: $consortiumId, state: $state, first: 100) {\n      nodes {\n        id state expertDays session periodStart periodEnd priority preferredWeekdays decisionReason createdAt\n        host { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n": typeof types.SchedulerDemandsDocument,
    "\n  subscription SchedulerDemandChanged($after: ID) {\n    rotationDemandChanged(after: $after) { cursor action demandId hostId consortiumId }\n  }\n": typeof types.SchedulerDemandChangedDocument,
    "\n  mutation SchedulerApproveDemand($input: DecideDemandInput!) {\n    approveRotationDemand(input: $input) { id state }\n  }\n": typeof types.SchedulerApproveDemandDocument,
    "\n  mutation SchedulerDeclineDemand($input: DecideDemandInput!) {\n    declineRotationDemand(input: $input) { id state decisionReason }\n  }\n": typeof types.SchedulerDeclineDemandDocument,
    "\n  query SchedulerHostSettings($hostId: ID!) {\n    hostSettings(hostId: $hostId) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n": typeof types.SchedulerHostSettingsDocument,
    "\n  mutation SchedulerSetHostSettings($input: HostSettingsInput!) {\n    setHostSettings(input: $input) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n": typeof types.SchedulerSetHostSettingsDocument,
    "\n  query SchedulerAvailability($specialistId: ID!, $from: String!, $to: String!) {\n    specialistAvailability(specialistId: $specialistId, from: $from, to: $to) {\n      specialistId availableDates blockedDates effectiveTravelKm\n      limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm maxTravelMinutes }\n    }\n  }\n": typeof types.SchedulerAvailabilityDocument,
    "\n  mutation SchedulerRecordAvailability($input: RecordAvailabilityInput!) {\n    recordAvailability(input: $input) { specialistId availableDates blockedDates }\n  }\n": typeof types.SchedulerRecordAvailabilityDocument,
    "\n  subscription SchedulerConsultationChanged($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId consortiumId specialtyId urgency overdueSeconds state occurredAt }\n  }\n": typeof types.SchedulerConsultationChangedDocument,
    "\n  query SchedulerEscalated($consortiumId: ID) {\n    consultations(consortiumId: $consortiumId, state: REQUESTED, first: 100) {\n      nodes {\n        id urgency requestedAt claimDeadlineAt escalatedAt state\n        requestingHospital { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n": typeof types.SchedulerEscalatedDocument,
    "\n  query SchedulerSpecialistsOf($specialtyId: ID!) {\n    people(role: SPECIALIST, specialtyId: $specialtyId, first: 100) { nodes { id name hospital { id name } } }\n  }\n": typeof types.SchedulerSpecialistsOfDocument,
    "\n  mutation SchedulerAssignConsultation($input: AssignConsultationInput!) {\n    assignConsultation(input: $input) { id state specialist { id name } }\n  }\n": typeof types.SchedulerAssignConsultationDocument,
    "\n  query SpecialistQueues {\n    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }\n  }\n": typeof types.SpecialistQueuesDocument,
    "\n  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {\n    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {\n      cursor totalCount asOf\n      entries {\n        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds\n        requestingHospital { id name }\n      }\n    }\n  }\n": typeof types.SpecialistQueueDocument,
    "\n  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {\n    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }\n  }\n": typeof types.SpecialistQueueChangedDocument,
    "\n  query SpecialistPreview($id: ID!) {\n    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }\n  }\n": typeof types.SpecialistPreviewDocument,
    "\n  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }\n": typeof types.SpecialistClaimDocument,
    "\n  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }\n": typeof types.SpecialistHandBackDocument,
    "\n  query SpecialistConsultations($state: ConsultationState) {\n    consultations(state: $state, first: 100) {\n      totalCount\n      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }\n    }\n  }\n": typeof types.SpecialistConsultationsDocument,
    "\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name tier }\n      consortium { id timeZone }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction carePlan toHospital { id name } fromHospital { id name } }\n    }\n  }\n": typeof types.SpecialistConsultationDocument,
    "\n  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }\n": typeof types.SpecialistScheduleDocument,
    "\n  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }\n": typeof types.SpecialistStartDocument,
    "\n  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }\n": typeof types.SpecialistEndDocument,
    "\n  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }\n": typeof types.SpecialistOpinionDocument,
    "\n  query SpecialistCalendar($from: String, $to: String) {\n    me { id hospital { id consortia { id timeZone } } }\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n": typeof types.SpecialistCalendarDocument,
    "\n  query SpecialistSessionBookings($id: ID!) {\n    clinicSession(id: $id) {\n      id date session state slotCount freeSlots host { id name } specialty { id nameZh nameEn }\n      bookings { id purpose slot { id position startsAt } hospital { id name } patient { id name sex birthDate } }\n    }\n  }\n": typeof types.SpecialistSessionBookingsDocument,
    "\n  query SpecialistIncomingReferrals {\n    referrals(incoming: true, first: 100) {\n      totalCount\n      nodes {\n        id state direction greenChannel diagnosisCode diagnosisText justification carePlan proposedAt expectedArrivalDate declineReason\n        patient { id name sex birthDate }\n        fromHospital { id name }\n        toDepartment { id nameZh nameEn }\n        referredBy { id name }\n        criteria { id code condition }\n        sourceConsultation { id }\n      }\n    }\n  }\n": typeof types.SpecialistIncomingReferralsDocument,
    "\n  subscription SpecialistReferralChanged($after: ID) {\n    referralChanged(incomingOnly: true, after: $after) { cursor action referralId state }\n  }\n": typeof types.SpecialistReferralChangedDocument,
    "\n  mutation SpecialistAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { id state expectedArrivalDate } }\n": typeof types.SpecialistAcceptReferralDocument,
    "\n  mutation SpecialistDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { id state declineReason } }\n": typeof types.SpecialistDeclineReferralDocument,
    "\n  mutation SpecialistReferFromConsultation($input: ReferFromConsultationInput!) { referFromConsultation(input: $input) { id state direction } }\n": typeof types.SpecialistReferFromConsultationDocument,
    "\n  query SpecialistReferralTargets {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n  }\n": typeof types.SpecialistReferralTargetsDocument,
};
const documents: Documents = {
    "\n  query EventCursor {\n    eventCursor\n  }\n": types.EventCursorDocument,
    "\n  mutation SetMyLanguage($language: String) {\n    setMyLanguage(language: $language) { id language }\n  }\n": types.SetMyLanguageDocument,
    "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me { ...SessionPerson }\n  }\n": types.MeDocument,
    "\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    language\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n": types.SessionPersonFragmentDoc,
    "\n  query DoctorConsultations($state: ConsultationState, $after: String) {\n    consultations(state: $state, first: 50, after: $after) {\n      totalCount\n      nodes {\n        id state urgency requestedAt scheduledStart\n        patient { id name }\n        specialty { id nameZh nameEn }\n        specialist { id name }\n      }\n    }\n  }\n": types.DoctorConsultationsDocument,
    "\n  query DoctorRequestFormData {\n    departments { id code nameZh nameEn }\n    me { id hospital { id consortia { id name } } }\n  }\n": types.DoctorRequestFormDataDocument,
    "\n  mutation DoctorRequestConsultation($input: RequestConsultationInput!) {\n    requestConsultation(input: $input) { id state }\n  }\n": types.DoctorRequestConsultationDocument,
    "\n  query DoctorConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimDeadlineAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      cancelledAt cancelReason handedBackAt handBackReason escalatedAt\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name title hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction toHospital { id name } }\n    }\n  }\n": types.DoctorConsultationDocument,
    "\n  subscription DoctorQueuePosition($id: ID!) {\n    consultationQueuePosition(id: $id) { consultationId position queueLength waitingSeconds state effectiveUrgency asOf }\n  }\n": types.DoctorQueuePositionDocument,
    "\n  subscription DoctorConsultationChanged($id: ID, $after: ID) {\n    consultationChanged(id: $id, after: $after) { cursor action consultationId state specialistId occurredAt }\n  }\n": types.DoctorConsultationChangedDocument,
    "\n  mutation DoctorCancelConsultation($input: ConsultationReasonInput!) {\n    cancelConsultation(input: $input) { id state }\n  }\n": types.DoctorCancelConsultationDocument,
    "\n  fragment SessionCard on ClinicSession {\n    id\n    date\n    session\n    state\n    freeSlots\n    slotCount\n    slotMinutes\n    host { id name }\n    specialist { id name title }\n    specialty { id code nameZh nameEn }\n  }\n": types.SessionCardFragmentDoc,
    "\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard cancelledReason }\n  }\n": types.BookingSlipFragmentDoc,
    "\n  query DoctorVisibleHosts {\n    me { id hospital { id name tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n": types.DoctorVisibleHostsDocument,
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
    "\n  query SchedulerAssessment($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) {\n      consortiumId from to\n      referrals {\n        up down upDownRatio greenChannel accepted declined completed cancelled withoutCriterion medianHoursToAccept\n        topCriteria { referrals criterion { id code condition direction } }\n      }\n      consultations { urgency requested claimed waitToClaimP50Seconds waitToClaimP90Seconds deadlineSeconds deadlineBreaches escalations completed cancelled }\n      roster { available reason totalDemanded totalDelivered slots bookedSlots slotUtilisation hosts { hospitalId demanded delivered hospital { id name } } }\n    }\n  }\n": types.SchedulerAssessmentDocument,
    "\n  query SchedulerAssessmentRatio($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) { from to referrals { up down upDownRatio } }\n  }\n": types.SchedulerAssessmentRatioDocument,
    "\n  query SchedulerAssessmentRecords($consortiumId: ID!, $from: String!, $to: String!, $figure: AssessmentFigure!, $urgency: Urgency, $hospitalId: ID, $criterionId: ID) {\n    assessmentRecords(consortiumId: $consortiumId, from: $from, to: $to, figure: $figure, urgency: $urgency, hospitalId: $hospitalId, criterionId: $criterionId) {\n      kind id at state from to category specialty waitedSeconds\n    }\n  }\n": types.SchedulerAssessmentRecordsDocument,
    "\n  query AdminDirectory {\n    consortia(first: 100) { nodes { id name kind region leadHospital { id name } hospitals { id name } } }\n    hospitals(first: 100) { nodes { id name tier county latitude longitude grid { id name } consortia { id name } } }\n    grids(first: 100) { nodes { id name responsibleConsortium { id name } } }\n    departments { id nameZh nameEn }\n  }\n": types.AdminDirectoryDocument,
    "\n  query AdminPeople($nameContains: String) {\n    people(first: 100, nameContains: $nameContains) { nodes { id name username roles title active hospital { id name } specialties { id nameZh nameEn } } }\n  }\n": types.AdminPeopleDocument,
    "\n  mutation AdminCreateConsortium($input: CreateConsortiumInput!) { createConsortium(input: $input) { id } }\n": types.AdminCreateConsortiumDocument,
    "\n  mutation AdminUpdateConsortium($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }\n": types.AdminUpdateConsortiumDocument,
    "\n  mutation AdminCreateHospital($input: CreateHospitalInput!) { createHospital(input: $input) { id } }\n": types.AdminCreateHospitalDocument,
    "\n  mutation AdminUpdateHospital($input: UpdateHospitalInput!) { updateHospital(input: $input) { id } }\n": types.AdminUpdateHospitalDocument,
    "\n  mutation AdminAddMember($input: MembershipInput!) { addHospitalToConsortium(input: $input) { id } }\n": types.AdminAddMemberDocument,
    "\n  mutation AdminRemoveMember($input: MembershipInput!) { removeHospitalFromConsortium(input: $input) { id } }\n": types.AdminRemoveMemberDocument,
    "\n  mutation AdminCreateGrid($input: CreateGridInput!) { createGrid(input: $input) { id } }\n": types.AdminCreateGridDocument,
    "\n  mutation AdminCreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }\n": types.AdminCreatePersonDocument,
    "\n  mutation AdminUpdatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }\n": types.AdminUpdatePersonDocument,
    "\n  query SchedulerConsortia {\n    me { id hospital { id consortia { id name } } }\n  }\n": types.SchedulerConsortiaDocument,
    "\n  query SchedulerConsortiumDirectory($id: ID!) {\n    consortium(id: $id) { id name hospitals { id name tier } }\n    departments { id code nameZh nameEn }\n    people(role: SPECIALIST, first: 100) { nodes { id name hospital { id name } specialties { id nameZh nameEn } } }\n  }\n": types.SchedulerConsortiumDirectoryDocument,
    "\n  fragment BoardAssignment on RosterAssignment {\n    id date session pinned source state movedFromId\n    specialist { id name }\n    host { id name }\n    specialty { id nameZh nameEn }\n    demand { id }\n  }\n": types.BoardAssignmentFragmentDoc,
    "\n  query SchedulerCalendarDays($from: String!, $to: String!) {\n    holidays(from: $from, to: $to) { date kind name nameEn }\n  }\n": types.SchedulerCalendarDaysDocument,
    "\n  query SchedulerRosters($consortiumId: ID!) {\n    rosters(consortiumId: $consortiumId) { id periodStart periodEnd state amendments publishedAt }\n  }\n": types.SchedulerRostersDocument,
    "\n  query SchedulerRosterBoard($id: ID!) {\n    roster(id: $id) {\n      id periodStart periodEnd state amendments publishedAt\n      assignments { ...BoardAssignment }\n      jobs { id state percent createdAt }\n    }\n  }\n": types.SchedulerRosterBoardDocument,
    "\n  mutation SchedulerCreateRoster($input: CreateRosterInput!) {\n    createRoster(input: $input) { id periodStart periodEnd state }\n  }\n": types.SchedulerCreateRosterDocument,
    "\n  subscription SchedulerRosterChanged($rosterId: ID, $after: ID) {\n    rosterChanged(rosterId: $rosterId, after: $after) { cursor action rosterId state }\n  }\n": types.SchedulerRosterChangedDocument,
    "\n  query SchedulerApprovedDemands($consortiumId: ID!) {\n    rotationDemands(consortiumId: $consortiumId, state: APPROVED, first: 100) {\n      nodes { id expertDays session periodStart periodEnd priority host { id name } specialty { id nameZh nameEn } }\n    }\n  }\n": types.SchedulerApprovedDemandsDocument,
    "\n  fragment EditPreview on AmendmentPreview {\n    allowed bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled\n    violations { rule message date }\n  }\n": types.EditPreviewFragmentDoc,
    "\n  fragment EditResult on AmendmentResult {\n    bookingsMoved bookingsFlagged\n    assignments { ...BoardAssignment }\n    removed { id date specialist { id } }\n    affectedBookings { id state reason movedToId hospital { id name } clinicSession { id date session } }\n  }\n": types.EditResultFragmentDoc,
    "\n  query SchedulerPreviewMove($input: MoveAssignmentInput!) {\n    previewMoveAssignment(input: $input) { ...EditPreview }\n  }\n": types.SchedulerPreviewMoveDocument,
    "\n  query SchedulerPreviewAssign($input: AssignSpecialistInput!) {\n    previewAssignSpecialist(input: $input) { ...EditPreview }\n  }\n": types.SchedulerPreviewAssignDocument,
    "\n  query SchedulerPreviewRemove($input: RemoveAssignmentInput!) {\n    previewRemoveAssignment(input: $input) { ...EditPreview }\n  }\n": types.SchedulerPreviewRemoveDocument,
    "\n  mutation SchedulerMoveAssignment($input: MoveAssignmentInput!) {\n    moveAssignment(input: $input) { ...EditResult }\n  }\n": types.SchedulerMoveAssignmentDocument,
    "\n  mutation SchedulerAssignSpecialist($input: AssignSpecialistInput!) {\n    assignSpecialist(input: $input) { ...EditResult }\n  }\n": types.SchedulerAssignSpecialistDocument,
    "\n  mutation SchedulerRemoveAssignment($input: RemoveAssignmentInput!) {\n    removeAssignment(input: $input) { ...EditResult }\n  }\n": types.SchedulerRemoveAssignmentDocument,
    "\n  mutation SchedulerSetPinned($id: ID!, $pinned: Boolean!) {\n    setAssignmentPinned(assignmentId: $id, pinned: $pinned) { id pinned }\n  }\n": types.SchedulerSetPinnedDocument,
    "\n  query SchedulerRosterViolations($id: ID!) {\n    rosterViolations(rosterId: $id) { rule message date assignmentIds }\n  }\n": types.SchedulerRosterViolationsDocument,
    "\n  mutation SchedulerPublishRoster($id: ID!) {\n    publishRoster(id: $id) { id state publishedAt }\n  }\n": types.SchedulerPublishRosterDocument,
    "\n  mutation SchedulerStartOptimization($input: StartOptimizationInput!) {\n    startRosterOptimization(input: $input) { id state cursor }\n  }\n": types.SchedulerStartOptimizationDocument,
    "\n  mutation SchedulerCancelJob($id: ID!) {\n    cancelRosterJob(id: $id) { id cancelRequested }\n  }\n": types.SchedulerCancelJobDocument,
    "\n  subscription SchedulerJobProgress($jobId: ID!, $after: ID) {\n    rosterJobProgress(jobId: $jobId, after: $after) {\n      cursor action state phase percent bestObjective bound gap error\n      objective { total coverage fairness continuity preference travel }\n    }\n  }\n": types.SchedulerJobProgressDocument,
    "\n  query SchedulerJobSummary($id: ID!) {\n    rosterJob(id: $id) {\n      id state error\n      summary {\n        method status stopReason bound gap coveragePercent expertDaysDemanded expertDaysAssigned pinnedKept assignmentsWritten timeMs\n        objective { total coverage fairness continuity preference travel }\n        unmet { demandId hostId missingDays reason detail }\n        droppedOnWrite { specialistId demandId date rule message }\n      }\n    }\n  }\n": types.SchedulerJobSummaryDocument,
    "\n  query SchedulerDemands($consortiumId: ID!, $state: DemandState) {\n    rotationDemands(consortiumId: $consortiumId, state: $state, first: 100) {\n      nodes {\n        id state expertDays session periodStart periodEnd priority preferredWeekdays decisionReason createdAt\n        host { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n": types.SchedulerDemandsDocument,
    "\n  subscription SchedulerDemandChanged($after: ID) {\n    rotationDemandChanged(after: $after) { cursor action demandId hostId consortiumId }\n  }\n": types.SchedulerDemandChangedDocument,
    "\n  mutation SchedulerApproveDemand($input: DecideDemandInput!) {\n    approveRotationDemand(input: $input) { id state }\n  }\n": types.SchedulerApproveDemandDocument,
    "\n  mutation SchedulerDeclineDemand($input: DecideDemandInput!) {\n    declineRotationDemand(input: $input) { id state decisionReason }\n  }\n": types.SchedulerDeclineDemandDocument,
    "\n  query SchedulerHostSettings($hostId: ID!) {\n    hostSettings(hostId: $hostId) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n": types.SchedulerHostSettingsDocument,
    "\n  mutation SchedulerSetHostSettings($input: HostSettingsInput!) {\n    setHostSettings(input: $input) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n": types.SchedulerSetHostSettingsDocument,
    "\n  query SchedulerAvailability($specialistId: ID!, $from: String!, $to: String!) {\n    specialistAvailability(specialistId: $specialistId, from: $from, to: $to) {\n      specialistId availableDates blockedDates effectiveTravelKm\n      limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm maxTravelMinutes }\n    }\n  }\n": types.SchedulerAvailabilityDocument,
    "\n  mutation SchedulerRecordAvailability($input: RecordAvailabilityInput!) {\n    recordAvailability(input: $input) { specialistId availableDates blockedDates }\n  }\n": types.SchedulerRecordAvailabilityDocument,
    "\n  subscription SchedulerConsultationChanged($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId consortiumId specialtyId urgency overdueSeconds state occurredAt }\n  }\n": types.SchedulerConsultationChangedDocument,
    "\n  query SchedulerEscalated($consortiumId: ID) {\n    consultations(consortiumId: $consortiumId, state: REQUESTED, first: 100) {\n      nodes {\n        id urgency requestedAt claimDeadlineAt escalatedAt state\n        requestingHospital { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n": types.SchedulerEscalatedDocument,
    "\n  query SchedulerSpecialistsOf($specialtyId: ID!) {\n    people(role: SPECIALIST, specialtyId: $specialtyId, first: 100) { nodes { id name hospital { id name } } }\n  }\n": types.SchedulerSpecialistsOfDocument,
    "\n  mutation SchedulerAssignConsultation($input: AssignConsultationInput!) {\n    assignConsultation(input: $input) { id state specialist { id name } }\n  }\n": types.SchedulerAssignConsultationDocument,
    "\n  query SpecialistQueues {\n    me { id specialties { id code nameZh nameEn } hospital { id consortia { id name } } }\n  }\n": types.SpecialistQueuesDocument,
    "\n  query SpecialistQueue($consortiumId: ID!, $specialtyId: ID!) {\n    consultationQueue(consortiumId: $consortiumId, specialtyId: $specialtyId, first: 100) {\n      cursor totalCount asOf\n      entries {\n        consultationId position urgency effectiveUrgency requestedAt deadlineAt promotesAt overdue waitingSeconds\n        requestingHospital { id name }\n      }\n    }\n  }\n": types.SpecialistQueueDocument,
    "\n  subscription SpecialistQueueChanged($consortiumId: ID!, $specialtyId: ID!, $after: ID) {\n    consultationQueueChanged(consortiumId: $consortiumId, specialtyId: $specialtyId, after: $after) { cursor action consultationId inQueue state }\n  }\n": types.SpecialistQueueChangedDocument,
    "\n  query SpecialistPreview($id: ID!) {\n    consultationPreview(id: $id) { consultationId question clinicalSummary patientSex patientAgeYears attachmentCount requestingHospital { id name } }\n  }\n": types.SpecialistPreviewDocument,
    "\n  mutation SpecialistClaim($id: ID!) { claimConsultation(id: $id) { id state } }\n": types.SpecialistClaimDocument,
    "\n  mutation SpecialistHandBack($input: ConsultationReasonInput!) { handBackConsultation(input: $input) { id state } }\n": types.SpecialistHandBackDocument,
    "\n  query SpecialistConsultations($state: ConsultationState) {\n    consultations(state: $state, first: 100) {\n      totalCount\n      nodes { id state urgency requestedAt scheduledStart scheduledEnd requestingHospital { id name } patient { id name } specialty { id nameZh nameEn } }\n    }\n  }\n": types.SpecialistConsultationsDocument,
    "\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name tier }\n      consortium { id timeZone }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction carePlan toHospital { id name } fromHospital { id name } }\n    }\n  }\n": types.SpecialistConsultationDocument,
    "\n  mutation SpecialistSchedule($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { id state scheduledStart scheduledEnd } }\n": types.SpecialistScheduleDocument,
    "\n  mutation SpecialistStart($id: ID!) { startConsultationSession(id: $id) { id state } }\n": types.SpecialistStartDocument,
    "\n  mutation SpecialistEnd($id: ID!) { endConsultationSession(id: $id) { id state } }\n": types.SpecialistEndDocument,
    "\n  mutation SpecialistOpinion($input: ConsultationOpinionInput!) { writeConsultationOpinion(input: $input) { id state } }\n": types.SpecialistOpinionDocument,
    "\n  query SpecialistCalendar($from: String, $to: String) {\n    me { id hospital { id consortia { id timeZone } } }\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n": types.SpecialistCalendarDocument,
    "\n  query SpecialistSessionBookings($id: ID!) {\n    clinicSession(id: $id) {\n      id date session state slotCount freeSlots host { id name } specialty { id nameZh nameEn }\n      bookings { id purpose slot { id position startsAt } hospital { id name } patient { id name sex birthDate } }\n    }\n  }\n": types.SpecialistSessionBookingsDocument,
    "\n  query SpecialistIncomingReferrals {\n    referrals(incoming: true, first: 100) {\n      totalCount\n      nodes {\n        id state direction greenChannel diagnosisCode diagnosisText justification carePlan proposedAt expectedArrivalDate declineReason\n        patient { id name sex birthDate }\n        fromHospital { id name }\n        toDepartment { id nameZh nameEn }\n        referredBy { id name }\n        criteria { id code condition }\n        sourceConsultation { id }\n      }\n    }\n  }\n": types.SpecialistIncomingReferralsDocument,
    "\n  subscription SpecialistReferralChanged($after: ID) {\n    referralChanged(incomingOnly: true, after: $after) { cursor action referralId state }\n  }\n": types.SpecialistReferralChangedDocument,
    "\n  mutation SpecialistAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { id state expectedArrivalDate } }\n": types.SpecialistAcceptReferralDocument,
    "\n  mutation SpecialistDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { id state declineReason } }\n": types.SpecialistDeclineReferralDocument,
    "\n  mutation SpecialistReferFromConsultation($input: ReferFromConsultationInput!) { referFromConsultation(input: $input) { id state direction } }\n": types.SpecialistReferFromConsultationDocument,
    "\n  query SpecialistReferralTargets {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n  }\n": types.SpecialistReferralTargetsDocument,
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
export function graphql(source: "\n  query EventCursor {\n    eventCursor\n  }\n"): (typeof documents)["\n  query EventCursor {\n    eventCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLanguage($language: String) {\n    setMyLanguage(language: $language) { id language }\n  }\n"): (typeof documents)["\n  mutation SetMyLanguage($language: String) {\n    setMyLanguage(language: $language) { id language }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($username: String!, $password: String!) {\n    signIn(username: $username, password: $password) {\n      token\n      expiresAt\n      person { ...SessionPerson }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { ...SessionPerson }\n  }\n"): (typeof documents)["\n  query Me {\n    me { ...SessionPerson }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    language\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n"): (typeof documents)["\n  fragment SessionPerson on Person {\n    id\n    name\n    username\n    language\n    roles\n    title\n    hospital { id name tier }\n    specialties { id code nameZh nameEn }\n  }\n"];
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
export function graphql(source: "\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard cancelledReason }\n  }\n"): (typeof documents)["\n  fragment BookingSlip on Booking {\n    id\n    state\n    reason\n    createdAt\n    patient { id name sex birthDate nationalIdMasked }\n    slot { id position startsAt }\n    clinicSession { ...SessionCard cancelledReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorVisibleHosts {\n    me { id hospital { id name tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n"): (typeof documents)["\n  query DoctorVisibleHosts {\n    me { id hospital { id name tier consortia { id name hospitals { id name tier } } } }\n    departments { id code nameZh nameEn }\n  }\n"];
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
export function graphql(source: "\n  query SchedulerAssessment($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) {\n      consortiumId from to\n      referrals {\n        up down upDownRatio greenChannel accepted declined completed cancelled withoutCriterion medianHoursToAccept\n        topCriteria { referrals criterion { id code condition direction } }\n      }\n      consultations { urgency requested claimed waitToClaimP50Seconds waitToClaimP90Seconds deadlineSeconds deadlineBreaches escalations completed cancelled }\n      roster { available reason totalDemanded totalDelivered slots bookedSlots slotUtilisation hosts { hospitalId demanded delivered hospital { id name } } }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerAssessment($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) {\n      consortiumId from to\n      referrals {\n        up down upDownRatio greenChannel accepted declined completed cancelled withoutCriterion medianHoursToAccept\n        topCriteria { referrals criterion { id code condition direction } }\n      }\n      consultations { urgency requested claimed waitToClaimP50Seconds waitToClaimP90Seconds deadlineSeconds deadlineBreaches escalations completed cancelled }\n      roster { available reason totalDemanded totalDelivered slots bookedSlots slotUtilisation hosts { hospitalId demanded delivered hospital { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerAssessmentRatio($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) { from to referrals { up down upDownRatio } }\n  }\n"): (typeof documents)["\n  query SchedulerAssessmentRatio($consortiumId: ID!, $from: String!, $to: String!) {\n    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) { from to referrals { up down upDownRatio } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerAssessmentRecords($consortiumId: ID!, $from: String!, $to: String!, $figure: AssessmentFigure!, $urgency: Urgency, $hospitalId: ID, $criterionId: ID) {\n    assessmentRecords(consortiumId: $consortiumId, from: $from, to: $to, figure: $figure, urgency: $urgency, hospitalId: $hospitalId, criterionId: $criterionId) {\n      kind id at state from to category specialty waitedSeconds\n    }\n  }\n"): (typeof documents)["\n  query SchedulerAssessmentRecords($consortiumId: ID!, $from: String!, $to: String!, $figure: AssessmentFigure!, $urgency: Urgency, $hospitalId: ID, $criterionId: ID) {\n    assessmentRecords(consortiumId: $consortiumId, from: $from, to: $to, figure: $figure, urgency: $urgency, hospitalId: $hospitalId, criterionId: $criterionId) {\n      kind id at state from to category specialty waitedSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDirectory {\n    consortia(first: 100) { nodes { id name kind region leadHospital { id name } hospitals { id name } } }\n    hospitals(first: 100) { nodes { id name tier county latitude longitude grid { id name } consortia { id name } } }\n    grids(first: 100) { nodes { id name responsibleConsortium { id name } } }\n    departments { id nameZh nameEn }\n  }\n"): (typeof documents)["\n  query AdminDirectory {\n    consortia(first: 100) { nodes { id name kind region leadHospital { id name } hospitals { id name } } }\n    hospitals(first: 100) { nodes { id name tier county latitude longitude grid { id name } consortia { id name } } }\n    grids(first: 100) { nodes { id name responsibleConsortium { id name } } }\n    departments { id nameZh nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPeople($nameContains: String) {\n    people(first: 100, nameContains: $nameContains) { nodes { id name username roles title active hospital { id name } specialties { id nameZh nameEn } } }\n  }\n"): (typeof documents)["\n  query AdminPeople($nameContains: String) {\n    people(first: 100, nameContains: $nameContains) { nodes { id name username roles title active hospital { id name } specialties { id nameZh nameEn } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateConsortium($input: CreateConsortiumInput!) { createConsortium(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminCreateConsortium($input: CreateConsortiumInput!) { createConsortium(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateConsortium($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminUpdateConsortium($input: UpdateConsortiumInput!) { updateConsortium(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateHospital($input: CreateHospitalInput!) { createHospital(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminCreateHospital($input: CreateHospitalInput!) { createHospital(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateHospital($input: UpdateHospitalInput!) { updateHospital(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminUpdateHospital($input: UpdateHospitalInput!) { updateHospital(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddMember($input: MembershipInput!) { addHospitalToConsortium(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminAddMember($input: MembershipInput!) { addHospitalToConsortium(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRemoveMember($input: MembershipInput!) { removeHospitalFromConsortium(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminRemoveMember($input: MembershipInput!) { removeHospitalFromConsortium(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateGrid($input: CreateGridInput!) { createGrid(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminCreateGrid($input: CreateGridInput!) { createGrid(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminCreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }\n"): (typeof documents)["\n  mutation AdminUpdatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerConsortia {\n    me { id hospital { id consortia { id name } } }\n  }\n"): (typeof documents)["\n  query SchedulerConsortia {\n    me { id hospital { id consortia { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerConsortiumDirectory($id: ID!) {\n    consortium(id: $id) { id name hospitals { id name tier } }\n    departments { id code nameZh nameEn }\n    people(role: SPECIALIST, first: 100) { nodes { id name hospital { id name } specialties { id nameZh nameEn } } }\n  }\n"): (typeof documents)["\n  query SchedulerConsortiumDirectory($id: ID!) {\n    consortium(id: $id) { id name hospitals { id name tier } }\n    departments { id code nameZh nameEn }\n    people(role: SPECIALIST, first: 100) { nodes { id name hospital { id name } specialties { id nameZh nameEn } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardAssignment on RosterAssignment {\n    id date session pinned source state movedFromId\n    specialist { id name }\n    host { id name }\n    specialty { id nameZh nameEn }\n    demand { id }\n  }\n"): (typeof documents)["\n  fragment BoardAssignment on RosterAssignment {\n    id date session pinned source state movedFromId\n    specialist { id name }\n    host { id name }\n    specialty { id nameZh nameEn }\n    demand { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerCalendarDays($from: String!, $to: String!) {\n    holidays(from: $from, to: $to) { date kind name nameEn }\n  }\n"): (typeof documents)["\n  query SchedulerCalendarDays($from: String!, $to: String!) {\n    holidays(from: $from, to: $to) { date kind name nameEn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerRosters($consortiumId: ID!) {\n    rosters(consortiumId: $consortiumId) { id periodStart periodEnd state amendments publishedAt }\n  }\n"): (typeof documents)["\n  query SchedulerRosters($consortiumId: ID!) {\n    rosters(consortiumId: $consortiumId) { id periodStart periodEnd state amendments publishedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerRosterBoard($id: ID!) {\n    roster(id: $id) {\n      id periodStart periodEnd state amendments publishedAt\n      assignments { ...BoardAssignment }\n      jobs { id state percent createdAt }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerRosterBoard($id: ID!) {\n    roster(id: $id) {\n      id periodStart periodEnd state amendments publishedAt\n      assignments { ...BoardAssignment }\n      jobs { id state percent createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerCreateRoster($input: CreateRosterInput!) {\n    createRoster(input: $input) { id periodStart periodEnd state }\n  }\n"): (typeof documents)["\n  mutation SchedulerCreateRoster($input: CreateRosterInput!) {\n    createRoster(input: $input) { id periodStart periodEnd state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SchedulerRosterChanged($rosterId: ID, $after: ID) {\n    rosterChanged(rosterId: $rosterId, after: $after) { cursor action rosterId state }\n  }\n"): (typeof documents)["\n  subscription SchedulerRosterChanged($rosterId: ID, $after: ID) {\n    rosterChanged(rosterId: $rosterId, after: $after) { cursor action rosterId state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerApprovedDemands($consortiumId: ID!) {\n    rotationDemands(consortiumId: $consortiumId, state: APPROVED, first: 100) {\n      nodes { id expertDays session periodStart periodEnd priority host { id name } specialty { id nameZh nameEn } }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerApprovedDemands($consortiumId: ID!) {\n    rotationDemands(consortiumId: $consortiumId, state: APPROVED, first: 100) {\n      nodes { id expertDays session periodStart periodEnd priority host { id name } specialty { id nameZh nameEn } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditPreview on AmendmentPreview {\n    allowed bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled\n    violations { rule message date }\n  }\n"): (typeof documents)["\n  fragment EditPreview on AmendmentPreview {\n    allowed bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled\n    violations { rule message date }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditResult on AmendmentResult {\n    bookingsMoved bookingsFlagged\n    assignments { ...BoardAssignment }\n    removed { id date specialist { id } }\n    affectedBookings { id state reason movedToId hospital { id name } clinicSession { id date session } }\n  }\n"): (typeof documents)["\n  fragment EditResult on AmendmentResult {\n    bookingsMoved bookingsFlagged\n    assignments { ...BoardAssignment }\n    removed { id date specialist { id } }\n    affectedBookings { id state reason movedToId hospital { id name } clinicSession { id date session } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerPreviewMove($input: MoveAssignmentInput!) {\n    previewMoveAssignment(input: $input) { ...EditPreview }\n  }\n"): (typeof documents)["\n  query SchedulerPreviewMove($input: MoveAssignmentInput!) {\n    previewMoveAssignment(input: $input) { ...EditPreview }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerPreviewAssign($input: AssignSpecialistInput!) {\n    previewAssignSpecialist(input: $input) { ...EditPreview }\n  }\n"): (typeof documents)["\n  query SchedulerPreviewAssign($input: AssignSpecialistInput!) {\n    previewAssignSpecialist(input: $input) { ...EditPreview }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerPreviewRemove($input: RemoveAssignmentInput!) {\n    previewRemoveAssignment(input: $input) { ...EditPreview }\n  }\n"): (typeof documents)["\n  query SchedulerPreviewRemove($input: RemoveAssignmentInput!) {\n    previewRemoveAssignment(input: $input) { ...EditPreview }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerMoveAssignment($input: MoveAssignmentInput!) {\n    moveAssignment(input: $input) { ...EditResult }\n  }\n"): (typeof documents)["\n  mutation SchedulerMoveAssignment($input: MoveAssignmentInput!) {\n    moveAssignment(input: $input) { ...EditResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerAssignSpecialist($input: AssignSpecialistInput!) {\n    assignSpecialist(input: $input) { ...EditResult }\n  }\n"): (typeof documents)["\n  mutation SchedulerAssignSpecialist($input: AssignSpecialistInput!) {\n    assignSpecialist(input: $input) { ...EditResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerRemoveAssignment($input: RemoveAssignmentInput!) {\n    removeAssignment(input: $input) { ...EditResult }\n  }\n"): (typeof documents)["\n  mutation SchedulerRemoveAssignment($input: RemoveAssignmentInput!) {\n    removeAssignment(input: $input) { ...EditResult }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerSetPinned($id: ID!, $pinned: Boolean!) {\n    setAssignmentPinned(assignmentId: $id, pinned: $pinned) { id pinned }\n  }\n"): (typeof documents)["\n  mutation SchedulerSetPinned($id: ID!, $pinned: Boolean!) {\n    setAssignmentPinned(assignmentId: $id, pinned: $pinned) { id pinned }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerRosterViolations($id: ID!) {\n    rosterViolations(rosterId: $id) { rule message date assignmentIds }\n  }\n"): (typeof documents)["\n  query SchedulerRosterViolations($id: ID!) {\n    rosterViolations(rosterId: $id) { rule message date assignmentIds }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerPublishRoster($id: ID!) {\n    publishRoster(id: $id) { id state publishedAt }\n  }\n"): (typeof documents)["\n  mutation SchedulerPublishRoster($id: ID!) {\n    publishRoster(id: $id) { id state publishedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerStartOptimization($input: StartOptimizationInput!) {\n    startRosterOptimization(input: $input) { id state cursor }\n  }\n"): (typeof documents)["\n  mutation SchedulerStartOptimization($input: StartOptimizationInput!) {\n    startRosterOptimization(input: $input) { id state cursor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerCancelJob($id: ID!) {\n    cancelRosterJob(id: $id) { id cancelRequested }\n  }\n"): (typeof documents)["\n  mutation SchedulerCancelJob($id: ID!) {\n    cancelRosterJob(id: $id) { id cancelRequested }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SchedulerJobProgress($jobId: ID!, $after: ID) {\n    rosterJobProgress(jobId: $jobId, after: $after) {\n      cursor action state phase percent bestObjective bound gap error\n      objective { total coverage fairness continuity preference travel }\n    }\n  }\n"): (typeof documents)["\n  subscription SchedulerJobProgress($jobId: ID!, $after: ID) {\n    rosterJobProgress(jobId: $jobId, after: $after) {\n      cursor action state phase percent bestObjective bound gap error\n      objective { total coverage fairness continuity preference travel }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerJobSummary($id: ID!) {\n    rosterJob(id: $id) {\n      id state error\n      summary {\n        method status stopReason bound gap coveragePercent expertDaysDemanded expertDaysAssigned pinnedKept assignmentsWritten timeMs\n        objective { total coverage fairness continuity preference travel }\n        unmet { demandId hostId missingDays reason detail }\n        droppedOnWrite { specialistId demandId date rule message }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerJobSummary($id: ID!) {\n    rosterJob(id: $id) {\n      id state error\n      summary {\n        method status stopReason bound gap coveragePercent expertDaysDemanded expertDaysAssigned pinnedKept assignmentsWritten timeMs\n        objective { total coverage fairness continuity preference travel }\n        unmet { demandId hostId missingDays reason detail }\n        droppedOnWrite { specialistId demandId date rule message }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerDemands($consortiumId: ID!, $state: DemandState) {\n    rotationDemands(consortiumId: $consortiumId, state: $state, first: 100) {\n      nodes {\n        id state expertDays session periodStart periodEnd priority preferredWeekdays decisionReason createdAt\n        host { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerDemands($consortiumId: ID!, $state: DemandState) {\n    rotationDemands(consortiumId: $consortiumId, state: $state, first: 100) {\n      nodes {\n        id state expertDays session periodStart periodEnd priority preferredWeekdays decisionReason createdAt\n        host { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SchedulerDemandChanged($after: ID) {\n    rotationDemandChanged(after: $after) { cursor action demandId hostId consortiumId }\n  }\n"): (typeof documents)["\n  subscription SchedulerDemandChanged($after: ID) {\n    rotationDemandChanged(after: $after) { cursor action demandId hostId consortiumId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerApproveDemand($input: DecideDemandInput!) {\n    approveRotationDemand(input: $input) { id state }\n  }\n"): (typeof documents)["\n  mutation SchedulerApproveDemand($input: DecideDemandInput!) {\n    approveRotationDemand(input: $input) { id state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerDeclineDemand($input: DecideDemandInput!) {\n    declineRotationDemand(input: $input) { id state decisionReason }\n  }\n"): (typeof documents)["\n  mutation SchedulerDeclineDemand($input: DecideDemandInput!) {\n    declineRotationDemand(input: $input) { id state decisionReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerHostSettings($hostId: ID!) {\n    hostSettings(hostId: $hostId) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n"): (typeof documents)["\n  query SchedulerHostSettings($hostId: ID!) {\n    hostSettings(hostId: $hostId) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerSetHostSettings($input: HostSettingsInput!) {\n    setHostSettings(input: $input) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n"): (typeof documents)["\n  mutation SchedulerSetHostSettings($input: HostSettingsInput!) {\n    setHostSettings(input: $input) { hospitalId dailyCapacity slotMinutes slotsPerSession }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerAvailability($specialistId: ID!, $from: String!, $to: String!) {\n    specialistAvailability(specialistId: $specialistId, from: $from, to: $to) {\n      specialistId availableDates blockedDates effectiveTravelKm\n      limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm maxTravelMinutes }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerAvailability($specialistId: ID!, $from: String!, $to: String!) {\n    specialistAvailability(specialistId: $specialistId, from: $from, to: $to) {\n      specialistId availableDates blockedDates effectiveTravelKm\n      limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm maxTravelMinutes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerRecordAvailability($input: RecordAvailabilityInput!) {\n    recordAvailability(input: $input) { specialistId availableDates blockedDates }\n  }\n"): (typeof documents)["\n  mutation SchedulerRecordAvailability($input: RecordAvailabilityInput!) {\n    recordAvailability(input: $input) { specialistId availableDates blockedDates }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SchedulerConsultationChanged($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId consortiumId specialtyId urgency overdueSeconds state occurredAt }\n  }\n"): (typeof documents)["\n  subscription SchedulerConsultationChanged($after: ID) {\n    consultationChanged(after: $after) { cursor action consultationId consortiumId specialtyId urgency overdueSeconds state occurredAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerEscalated($consortiumId: ID) {\n    consultations(consortiumId: $consortiumId, state: REQUESTED, first: 100) {\n      nodes {\n        id urgency requestedAt claimDeadlineAt escalatedAt state\n        requestingHospital { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchedulerEscalated($consortiumId: ID) {\n    consultations(consortiumId: $consortiumId, state: REQUESTED, first: 100) {\n      nodes {\n        id urgency requestedAt claimDeadlineAt escalatedAt state\n        requestingHospital { id name } specialty { id nameZh nameEn }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulerSpecialistsOf($specialtyId: ID!) {\n    people(role: SPECIALIST, specialtyId: $specialtyId, first: 100) { nodes { id name hospital { id name } } }\n  }\n"): (typeof documents)["\n  query SchedulerSpecialistsOf($specialtyId: ID!) {\n    people(role: SPECIALIST, specialtyId: $specialtyId, first: 100) { nodes { id name hospital { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulerAssignConsultation($input: AssignConsultationInput!) {\n    assignConsultation(input: $input) { id state specialist { id name } }\n  }\n"): (typeof documents)["\n  mutation SchedulerAssignConsultation($input: AssignConsultationInput!) {\n    assignConsultation(input: $input) { id state specialist { id name } }\n  }\n"];
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
export function graphql(source: "\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name tier }\n      consortium { id timeZone }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction carePlan toHospital { id name } fromHospital { id name } }\n    }\n  }\n"): (typeof documents)["\n  query SpecialistConsultation($id: ID!) {\n    consultation(id: $id) {\n      id state urgency effectiveUrgency question clinicalSummary\n      requestedAt claimedAt scheduledStart scheduledEnd startedAt endedAt completedAt\n      requestingHospital { id name tier }\n      consortium { id timeZone }\n      requestedBy { id name }\n      patient { id name sex birthDate nationalIdMasked }\n      specialty { id nameZh nameEn }\n      specialist { id name hospital { id name } }\n      attachments { id fileName contentType sizeBytes downloadPath uploadedAt }\n      opinion { impression recommendations diagnosisCode diagnosisText referUp writtenAt author { id name } }\n      referrals { id state direction carePlan toHospital { id name } fromHospital { id name } }\n    }\n  }\n"];
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
export function graphql(source: "\n  query SpecialistCalendar($from: String, $to: String) {\n    me { id hospital { id consortia { id timeZone } } }\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n"): (typeof documents)["\n  query SpecialistCalendar($from: String, $to: String) {\n    me { id hospital { id consortia { id timeZone } } }\n    rotationCalendar(from: $from, to: $to) { id date session host { id name } specialty { id nameZh nameEn } clinicSession { id slotCount freeSlots } }\n    consultations(first: 100) { nodes { id state scheduledStart scheduledEnd requestingHospital { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistSessionBookings($id: ID!) {\n    clinicSession(id: $id) {\n      id date session state slotCount freeSlots host { id name } specialty { id nameZh nameEn }\n      bookings { id purpose slot { id position startsAt } hospital { id name } patient { id name sex birthDate } }\n    }\n  }\n"): (typeof documents)["\n  query SpecialistSessionBookings($id: ID!) {\n    clinicSession(id: $id) {\n      id date session state slotCount freeSlots host { id name } specialty { id nameZh nameEn }\n      bookings { id purpose slot { id position startsAt } hospital { id name } patient { id name sex birthDate } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistIncomingReferrals {\n    referrals(incoming: true, first: 100) {\n      totalCount\n      nodes {\n        id state direction greenChannel diagnosisCode diagnosisText justification carePlan proposedAt expectedArrivalDate declineReason\n        patient { id name sex birthDate }\n        fromHospital { id name }\n        toDepartment { id nameZh nameEn }\n        referredBy { id name }\n        criteria { id code condition }\n        sourceConsultation { id }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpecialistIncomingReferrals {\n    referrals(incoming: true, first: 100) {\n      totalCount\n      nodes {\n        id state direction greenChannel diagnosisCode diagnosisText justification carePlan proposedAt expectedArrivalDate declineReason\n        patient { id name sex birthDate }\n        fromHospital { id name }\n        toDepartment { id nameZh nameEn }\n        referredBy { id name }\n        criteria { id code condition }\n        sourceConsultation { id }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SpecialistReferralChanged($after: ID) {\n    referralChanged(incomingOnly: true, after: $after) { cursor action referralId state }\n  }\n"): (typeof documents)["\n  subscription SpecialistReferralChanged($after: ID) {\n    referralChanged(incomingOnly: true, after: $after) { cursor action referralId state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { id state expectedArrivalDate } }\n"): (typeof documents)["\n  mutation SpecialistAcceptReferral($input: AcceptReferralInput!) { acceptReferral(input: $input) { id state expectedArrivalDate } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { id state declineReason } }\n"): (typeof documents)["\n  mutation SpecialistDeclineReferral($input: ReferralReasonInput!) { declineReferral(input: $input) { id state declineReason } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SpecialistReferFromConsultation($input: ReferFromConsultationInput!) { referFromConsultation(input: $input) { id state direction } }\n"): (typeof documents)["\n  mutation SpecialistReferFromConsultation($input: ReferFromConsultationInput!) { referFromConsultation(input: $input) { id state direction } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpecialistReferralTargets {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n  }\n"): (typeof documents)["\n  query SpecialistReferralTargets {\n    me { id hospital { id tier consortia { id name hospitals { id name tier } } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
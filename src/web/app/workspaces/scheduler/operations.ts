/** The scheduler's GraphQL operations (typed by codegen into gql/). */
import { graphql } from '../../gql';

export const MyConsortiaDocument = graphql(`
  query SchedulerConsortia {
    me { id hospital { id consortia { id name } } }
  }
`);

export const ConsortiumDirectoryDocument = graphql(`
  query SchedulerConsortiumDirectory($id: ID!) {
    consortium(id: $id) { id name hospitals { id name tier } }
    departments { id code nameZh nameEn }
    people(role: SPECIALIST, first: 100) { nodes { id name hospital { id name } specialties { id nameZh nameEn } } }
  }
`);

graphql(`
  fragment BoardAssignment on RosterAssignment {
    id date session pinned source state movedFromId
    specialist { id name }
    host { id name }
    specialty { id nameZh nameEn }
    demand { id }
  }
`);

/** The hub's holiday calendar (State Council notices, the law's fixed holidays, administrators' corrections). */
export const CalendarDaysDocument = graphql(`
  query SchedulerCalendarDays($from: String!, $to: String!) {
    holidays(from: $from, to: $to) { date kind name nameEn }
  }
`);

export const RostersDocument = graphql(`
  query SchedulerRosters($consortiumId: ID!) {
    rosters(consortiumId: $consortiumId) { id periodStart periodEnd state amendments publishedAt }
  }
`);

export const RosterBoardDocument = graphql(`
  query SchedulerRosterBoard($id: ID!) {
    roster(id: $id) {
      id periodStart periodEnd state amendments publishedAt
      assignments { ...BoardAssignment }
      jobs { id state percent createdAt }
    }
  }
`);

export const CreateRosterDocument = graphql(`
  mutation SchedulerCreateRoster($input: CreateRosterInput!) {
    createRoster(input: $input) { id periodStart periodEnd state }
  }
`);

export const RosterChangedDocument = graphql(`
  subscription SchedulerRosterChanged($rosterId: ID, $after: ID) {
    rosterChanged(rosterId: $rosterId, after: $after) { cursor action rosterId state }
  }
`);

export const ApprovedDemandsDocument = graphql(`
  query SchedulerApprovedDemands($consortiumId: ID!) {
    rotationDemands(consortiumId: $consortiumId, state: APPROVED, first: 100) {
      nodes { id expertDays session periodStart periodEnd priority host { id name } specialty { id nameZh nameEn } }
    }
  }
`);

graphql(`
  fragment EditPreview on AmendmentPreview {
    allowed bookingsMoved bookingsFlagged sessionsOpened sessionsCancelled
    violations { rule message date }
  }
`);

graphql(`
  fragment EditResult on AmendmentResult {
    bookingsMoved bookingsFlagged
    assignments { ...BoardAssignment }
    removed { id date specialist { id } }
    affectedBookings { id state reason movedToId hospital { id name } clinicSession { id date session } }
  }
`);

export const PreviewMoveDocument = graphql(`
  query SchedulerPreviewMove($input: MoveAssignmentInput!) {
    previewMoveAssignment(input: $input) { ...EditPreview }
  }
`);

export const PreviewAssignDocument = graphql(`
  query SchedulerPreviewAssign($input: AssignSpecialistInput!) {
    previewAssignSpecialist(input: $input) { ...EditPreview }
  }
`);

export const PreviewRemoveDocument = graphql(`
  query SchedulerPreviewRemove($input: RemoveAssignmentInput!) {
    previewRemoveAssignment(input: $input) { ...EditPreview }
  }
`);

export const MoveAssignmentDocument = graphql(`
  mutation SchedulerMoveAssignment($input: MoveAssignmentInput!) {
    moveAssignment(input: $input) { ...EditResult }
  }
`);

export const AssignSpecialistDocument = graphql(`
  mutation SchedulerAssignSpecialist($input: AssignSpecialistInput!) {
    assignSpecialist(input: $input) { ...EditResult }
  }
`);

export const RemoveAssignmentDocument = graphql(`
  mutation SchedulerRemoveAssignment($input: RemoveAssignmentInput!) {
    removeAssignment(input: $input) { ...EditResult }
  }
`);

export const SetPinnedDocument = graphql(`
  mutation SchedulerSetPinned($id: ID!, $pinned: Boolean!) {
    setAssignmentPinned(assignmentId: $id, pinned: $pinned) { id pinned }
  }
`);

export const RosterViolationsDocument = graphql(`
  query SchedulerRosterViolations($id: ID!) {
    rosterViolations(rosterId: $id) { rule message date assignmentIds }
  }
`);

export const PublishRosterDocument = graphql(`
  mutation SchedulerPublishRoster($id: ID!) {
    publishRoster(id: $id) { id state publishedAt }
  }
`);

export const StartOptimizationDocument = graphql(`
  mutation SchedulerStartOptimization($input: StartOptimizationInput!) {
    startRosterOptimization(input: $input) { id state cursor }
  }
`);

export const CancelJobDocument = graphql(`
  mutation SchedulerCancelJob($id: ID!) {
    cancelRosterJob(id: $id) { id cancelRequested }
  }
`);

export const JobProgressDocument = graphql(`
  subscription SchedulerJobProgress($jobId: ID!, $after: ID) {
    rosterJobProgress(jobId: $jobId, after: $after) {
      cursor action state phase percent bestObjective bound gap error
      objective { total coverage fairness continuity preference travel }
    }
  }
`);

export const JobSummaryDocument = graphql(`
  query SchedulerJobSummary($id: ID!) {
    rosterJob(id: $id) {
      id state error
      summary {
        method status stopReason bound gap coveragePercent expertDaysDemanded expertDaysAssigned pinnedKept assignmentsWritten timeMs
        objective { total coverage fairness continuity preference travel }
        unmet { demandId hostId missingDays reason detail }
        droppedOnWrite { specialistId demandId date rule message }
      }
    }
  }
`);

export const DemandsDocument = graphql(`
  query SchedulerDemands($consortiumId: ID!, $state: DemandState) {
    rotationDemands(consortiumId: $consortiumId, state: $state, first: 100) {
      nodes {
        id state expertDays session periodStart periodEnd priority preferredWeekdays decisionReason createdAt
        host { id name } specialty { id nameZh nameEn }
      }
    }
  }
`);

export const DemandChangedDocument = graphql(`
  subscription SchedulerDemandChanged($after: ID) {
    rotationDemandChanged(after: $after) { cursor action demandId hostId consortiumId }
  }
`);

export const ApproveDemandDocument = graphql(`
  mutation SchedulerApproveDemand($input: DecideDemandInput!) {
    approveRotationDemand(input: $input) { id state }
  }
`);

export const DeclineDemandDocument = graphql(`
  mutation SchedulerDeclineDemand($input: DecideDemandInput!) {
    declineRotationDemand(input: $input) { id state decisionReason }
  }
`);

export const HostSettingsDocument = graphql(`
  query SchedulerHostSettings($hostId: ID!) {
    hostSettings(hostId: $hostId) { hospitalId dailyCapacity slotMinutes slotsPerSession }
  }
`);

export const SetHostSettingsDocument = graphql(`
  mutation SchedulerSetHostSettings($input: HostSettingsInput!) {
    setHostSettings(input: $input) { hospitalId dailyCapacity slotMinutes slotsPerSession }
  }
`);

export const AvailabilityDocument = graphql(`
  query SchedulerAvailability($specialistId: ID!, $from: String!, $to: String!) {
    specialistAvailability(specialistId: $specialistId, from: $from, to: $to) {
      specialistId availableDates blockedDates effectiveTravelKm
      limits { maxDaysPerMonth maxConsecutiveDays maxTravelKm maxTravelMinutes }
    }
  }
`);

export const RecordAvailabilityDocument = graphql(`
  mutation SchedulerRecordAvailability($input: RecordAvailabilityInput!) {
    recordAvailability(input: $input) { specialistId availableDates blockedDates }
  }
`);

export const EscalationFeedDocument = graphql(`
  subscription SchedulerConsultationChanged($after: ID) {
    consultationChanged(after: $after) { cursor action consultationId consortiumId specialtyId urgency overdueSeconds state occurredAt }
  }
`);

export const EscalatedConsultationsDocument = graphql(`
  query SchedulerEscalated($consortiumId: ID) {
    consultations(consortiumId: $consortiumId, state: REQUESTED, first: 100) {
      nodes {
        id urgency requestedAt claimDeadlineAt escalatedAt state
        requestingHospital { id name } specialty { id nameZh nameEn }
      }
    }
  }
`);

export const SpecialistsOfSpecialtyDocument = graphql(`
  query SchedulerSpecialistsOf($specialtyId: ID!) {
    people(role: SPECIALIST, specialtyId: $specialtyId, first: 100) { nodes { id name hospital { id name } } }
  }
`);

export const AssignConsultationDocument = graphql(`
  mutation SchedulerAssignConsultation($input: AssignConsultationInput!) {
    assignConsultation(input: $input) { id state specialist { id name } }
  }
`);

import { graphql } from '../../../gql';

export const AssessmentDocument = graphql(`
  query SchedulerAssessment($consortiumId: ID!, $from: String!, $to: String!) {
    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) {
      consortiumId from to
      referrals {
        up down upDownRatio greenChannel accepted declined completed cancelled withoutCriterion medianHoursToAccept
        topCriteria { referrals criterion { id code condition direction } }
      }
      consultations { urgency requested claimed waitToClaimP50Seconds waitToClaimP90Seconds deadlineSeconds deadlineBreaches escalations completed cancelled }
      roster { available reason totalDemanded totalDelivered slots bookedSlots slotUtilisation hosts { hospitalId demanded delivered hospital { id name } } }
    }
  }
`);

export const AssessmentRatioDocument = graphql(`
  query SchedulerAssessmentRatio($consortiumId: ID!, $from: String!, $to: String!) {
    consortiumAssessment(consortiumId: $consortiumId, from: $from, to: $to) { from to referrals { up down upDownRatio } }
  }
`);

export const AssessmentRecordsDocument = graphql(`
  query SchedulerAssessmentRecords($consortiumId: ID!, $from: String!, $to: String!, $figure: AssessmentFigure!, $urgency: Urgency, $hospitalId: ID, $criterionId: ID) {
    assessmentRecords(consortiumId: $consortiumId, from: $from, to: $to, figure: $figure, urgency: $urgency, hospitalId: $hospitalId, criterionId: $criterionId) {
      kind id at state from to category specialty waitedSeconds
    }
  }
`);

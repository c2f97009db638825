import { graphql } from '../../../gql';

graphql(`
  fragment SessionCard on ClinicSession {
    id
    date
    session
    state
    freeSlots
    slotCount
    slotMinutes
    host { id name }
    specialist { id name title }
    specialty { id code nameZh nameEn }
  }
`);

graphql(`
  fragment BookingSlip on Booking {
    id
    state
    reason
    createdAt
    patient { id name sex birthDate nationalIdMasked }
    slot { id position startsAt }
    clinicSession { ...SessionCard cancelledReason }
  }
`);

export const VisibleHostsDocument = graphql(`
  query DoctorVisibleHosts {
    me { id hospital { id name tier consortia { id name hospitals { id name tier } } } }
    departments { id code nameZh nameEn }
  }
`);

export const HostSessionsDocument = graphql(`
  query DoctorHostSessions($hostId: ID!, $from: String, $to: String) {
    hostSessions(hostId: $hostId, from: $from, to: $to) { ...SessionCard }
  }
`);

export const ClinicSessionDocument = graphql(`
  query DoctorClinicSession($id: ID!) {
    clinicSession(id: $id) {
      ...SessionCard
      slots { id position startsAt booked }
      myBookings { ...BookingSlip }
    }
  }
`);

export const BookSlotDocument = graphql(`
  mutation DoctorBookSlot($input: BookSlotInput!) {
    bookClinicSlot(input: $input) { ...BookingSlip }
  }
`);

export const CancelBookingDocument = graphql(`
  mutation DoctorCancelBooking($input: CancelBookingInput!) {
    cancelBooking(input: $input) { id state }
  }
`);

export const NeedingRebookingDocument = graphql(`
  query DoctorNeedingRebooking {
    bookingsNeedingRebooking { ...BookingSlip }
  }
`);

export const RebookDocument = graphql(`
  mutation DoctorRebook($input: RebookInput!) {
    rebookBooking(input: $input) { ...BookingSlip }
  }
`);

export const PatientOptionsDocument = graphql(`
  query DoctorPatientOptions($nameContains: String) {
    patients(nameContains: $nameContains, first: 20) { nodes { id name sex birthDate nationalIdMasked } }
  }
`);

export const PatientDocument = graphql(`
  query DoctorPatient($id: ID!) {
    patient(id: $id) { id name sex birthDate nationalIdMasked }
  }
`);

/** My hospital's bookings as they change (booked, cancelled, moved or flagged by an amendment). */
export const BookingFeedDocument = graphql(`
  subscription DoctorBookingFeed($after: ID) {
    bookingChanged(after: $after) { cursor action bookingId patientId toSessionId }
  }
`);

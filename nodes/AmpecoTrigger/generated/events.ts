/**
 * GENERATED — DO NOT EDIT. Regenerate with `npm run generate`.
 * generator: scripts/generate-catalog.ts (scripts/catalog/notification-events.ts)
 * inputs: ../shared/ampeco/openapi-3.110.0.json (API 3.110.0): POST /public-api/notifications/v2.0, request body enum `notifications` and `callbacks`
 * input sha256: 3554fe4d4c50eee2e4eaa2be830150e65e79e95dda6a961688cd0d7c75c48c11
 * events: 42 (4 deprecated, 4 without a documented payload)
 */
import type { NotificationEventList } from '../types';

export const notificationEvents: NotificationEventList = {
	apiVersion: "3.110.0",
	events: [
		{"value":"authorization.changed","name":"Authorization Changed","action":"On authorization changed","fields":["notification","authorizationId","action","chargePointId","idTag","status","lastUpdatedAt"],"actions":["created","updated"]},
		{"value":"AuthorizationNotification","name":"Authorization Notification (Deprecated)","action":"On authorization notification (deprecated)","deprecated":true,"successors":["authorization.changed"],"fields":["notification","chargePointId","authorizationId","idTag","status","lastUpdatedAt"]},
		{"value":"BootNotification","name":"Boot Notification","action":"On boot notification","fields":["notification","chargePointId","timestamp","bootNotification"]},
		{"value":"cdr.received","name":"CDR Received","action":"On CDR received","fields":["notification","id","createdAt"]},
		{"value":"chargePoint.changed","name":"Charge Point Changed","action":"On charge point changed","fields":["notification","chargePointId","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"chargePoint.dataTransferReceived","name":"Charge Point Data Transfer Received","action":"On charge point data transfer received","fields":["notification","chargePointId","vendorId","messageId","data"]},
		{"value":"ChargePointSyncConfigurationNotification","name":"Charge Point Sync Configuration","action":"On charge point sync configuration","fields":["notification","chargePointId","requestId","configuration","error"]},
		{"value":"ChargePointChangedNotification","name":"Charge Point, EVSE or Connector Changed (Deprecated)","action":"On charge point, EVSE or connector changed (deprecated)","deprecated":true,"successors":["chargePoint.changed","evse.changed"],"fields":["notification","chargePoint","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"chargingProfile.applied","name":"Charging Profile Applied","action":"On charging profile applied","fields":["notification","chargePointId","evseId","sessionId","chargingProfile","appliedAt"]},
		{"value":"circuit.changed","name":"Circuit Changed","action":"On circuit changed","fields":["notification","circuitId","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"CircuitConsumptionNotification","name":"Circuit Consumption","action":"On circuit consumption","fields":["notification","circuitId","maxCurrent","minChargePointCurrent","currentConsumption"]},
		{"value":"DiagnosticsStatusNotification","name":"Diagnostics Status","action":"On diagnostics status","fields":["notification","chargePointId","requestId","status","lastUpdatedAt"]},
		{"value":"evse.changed","name":"EVSE Changed","action":"On EVSE changed","fields":["notification","evseId","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"HardwareStatusNotification","name":"Hardware Status","action":"On hardware status","fields":["notification","chargePointId","evseId","timestamp","hardwareStatus","errorCode","info","vendorId","vendorErrorCode"]},
		{"value":"idTag.changed","name":"ID Tag Changed","action":"On ID tag changed","fields":["notification","idTagsId","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"installerJob.changed","name":"Installer Job Changed","action":"On installer job changed","fields":["notification","action","id","status","installationAndMaintenanceCompanyId","locationId","installerAdminId","pin","description","outcomeDetails","createdAt","lastUpdatedAt","chargePoints"],"actions":["created","updated"]},
		{"value":"LocationChangedNotification","name":"Location Changed","action":"On location changed","fields":["notification","location","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"NetworkStatusNotification","name":"Network Status","action":"On network status","fields":["notification","chargePointId","timestamp","networkStatus"]},
		{"value":"parkingSpace.occupancyStatus.changed","name":"Parking Space Occupancy Status Changed","action":"On parking space occupancy status changed","fields":["notification","parkingSpaceId","occupancyStatus","lastUpdatedAt"]},
		{"value":"partner.changed","name":"Partner Changed","action":"On partner changed","fields":["notification","partnerId","action","lastUpdatedAt","externalId","companyName","businessName","regNo","vatNo","country"],"actions":["created","updated","deleted"]},
		{"value":"partnerInvite.changed","name":"Partner Invite Changed","action":"On partner invite changed","fields":["notification","partnerInviteId","userId","email","action","allowCorporateAccountBilling","limitCorporateAccountBillingToPartnerChargePoints","allowAccessToPrivateChargePoints","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"PartnerInviteChangedNotification","name":"Partner Invite Changed (Legacy)","action":"On partner invite changed (legacy)","undocumented":true,"legacy":true},
		{"value":"PaymentMethodChangedNotification","name":"Payment Method Changed","action":"On payment method changed","undocumented":true},
		{"value":"reservation.changed","name":"Reservation Changed","action":"On reservation changed","fields":["notification","reservationId","status","lastUpdatedAt"]},
		{"value":"ReservationChangedNotification","name":"Reservation Changed (Legacy)","action":"On reservation changed (legacy)","undocumented":true,"legacy":true},
		{"value":"roamingPlatform.changed","name":"Roaming Platform Changed","action":"On roaming platform changed","fields":["notification","roamingPlatformId","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"SecurityEventNotification","name":"Security Event","action":"On security event","fields":["notification","chargePointId","type","timestamp","techInfo","critical"]},
		{"value":"SessionMeterValuesNotification","name":"Session Meter Values","action":"On session meter values","fields":["notification","chargePointId","evseId","sessionId","externalSessionId","meterValues"]},
		{"value":"session.start.stop.notification","name":"Session Started or Stopped","action":"On session started or stopped","fields":["notification","sessionId","userId","chargePointId","evseId","action","idTag","externalSessionId","startedAtTimestamp","meterStart","meterStop","startedAtTimestampLocal","stoppedAtTimestamp","stoppedAtTimestampLocal","energyConsumed","reason","lastUpdatedAt","externalAppData"],"actions":["start","stop"]},
		{"value":"SessionStartStopNotification","name":"Session Started or Stopped (Deprecated)","action":"On session started or stopped (deprecated)","deprecated":true,"successors":["session.start.stop.notification"],"fields":["notification","chargePointId","evseId","action","sessionId","idTag","startedAtTimestamp","stoppedAtTimestamp","energyConsumed","reason","userId","externalSessionId","meterStart","meterStop","lastUpdatedAt","externalAppData"],"actions":["start","stop"]},
		{"value":"SessionUpdateNotification","name":"Session Updated","action":"On session updated","fields":["notification","session"]},
		{"value":"settlementReport.created","name":"Settlement Report Created","action":"On settlement report created","fields":["notification","id","reportUid","partnerId","issueDate","period","totalKwhDeliveredAsCPO","totalKwhDeliveredAsEmsp","totalRevenueCollectedCurrentPeriod","totalRevenueCollectedPreviousPeriods","totalCollectedBalanceCurrentPeriod","totalCollectedBalancePreviousPeriods","totalRevenue","totalExpenses","totalAmount","currency","lastUpdatedAt"]},
		{"value":"SubOperatorChangedNotification","name":"Sub-Operator Changed","action":"On sub operator changed","fields":["notification","subOperator","action","lastUpdatedAt"],"actions":["created","deleted"]},
		{"value":"subscriptionPlan.changed","name":"Subscription Plan Changed","action":"On subscription plan changed","undocumented":true},
		{"value":"TariffChangedNotification","name":"Tariff Changed","action":"On tariff changed","fields":["notification","tariff","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"transaction.changed","name":"Transaction Changed","action":"On transaction changed","fields":["notification","transactionId","action","lastUpdatedAt"],"actions":["created","updated"]},
		{"value":"userBalance.changed","name":"User Balance Changed","action":"On user balance changed","fields":["notification","debit","credit","updatedBalance","userId","currency","type","transactionId","timestamp","lastUpdatedAt"]},
		{"value":"UserChangedNotification","name":"User Changed","action":"On user changed","fields":["notification","user","action","lastUpdatedAt"],"actions":["created","updated","deleted","permanently deleted"]},
		{"value":"user.invoiceDetails.changed","name":"User Invoice Details Changed","action":"On user invoice details changed","fields":["notification","userId","action","lastUpdatedAt"],"actions":["created","updated"]},
		{"value":"user.paymentMethod.changed","name":"User Payment Method Changed","action":"On user payment method changed","fields":["notification","paymentMethodId","userId","action","lastUpdatedAt"],"actions":["created","updated","deleted"]},
		{"value":"user.subscription.changed","name":"User Subscription Changed","action":"On user subscription changed","fields":["notification","userId","planId","status","endsAt","lastUpdatedAt"]},
		{"value":"user.subscriptionChanged","name":"User Subscription Changed (Deprecated)","action":"On user subscription changed (deprecated)","deprecated":true,"successors":["user.subscription.changed"],"fields":["notification","userId","planId","status","endDate","lastUpdatedAt"]},
	],
};

/**
 * Property and field names that start a line in the outputs the bot reads, as Windows prints them. When a client
 * drops the line breaks of a paste ("...: 0.0.0.0AMProductVersion : 4.18..."), these names are where lines began.
 * Names only: the values typed as facts are in facts.ts.
 */

/** Get-MpComputerStatus properties (Microsoft Learn reference and real output). */
const MP_COMPUTER_STATUS = [
  'AMEngineVersion', 'AMProductVersion', 'AMRunningMode', 'AMServiceEnabled', 'AMServiceVersion', 'AntispywareEnabled',
  'AntispywareSignatureAge', 'AntispywareSignatureLastUpdated', 'AntispywareSignatureVersion', 'AntivirusEnabled',
  'AntivirusSignatureAge', 'AntivirusSignatureLastUpdated', 'AntivirusSignatureVersion', 'BehaviorMonitorEnabled', 'ComputerID',
  'ComputerState', 'DefenderSignaturesOutOfDate', 'DeviceControlDefaultEnforcement', 'DeviceControlPoliciesLastUpdated',
  'DeviceControlState', 'FullScanAge', 'FullScanEndTime', 'FullScanOverdue', 'FullScanRequired', 'FullScanSignatureVersion',
  'FullScanStartTime', 'InitializationProgress', 'IoavProtectionEnabled', 'IsTamperProtected', 'IsVirtualMachine',
  'LastFullScanSource', 'LastQuickScanSource', 'NISEnabled', 'NISEngineVersion', 'NISSignatureAge', 'NISSignatureLastUpdated',
  'NISSignatureVersion', 'OnAccessProtectionEnabled', 'ProductStatus', 'PSComputerName', 'QuickScanAge', 'QuickScanEndTime',
  'QuickScanOverdue', 'QuickScanSignatureVersion', 'QuickScanStartTime', 'RealTimeProtectionEnabled', 'RealTimeScanDirection',
  'RebootRequired', 'SmartAppControlExpiration', 'SmartAppControlState', 'TamperProtectionSource', 'TDTCapable', 'TDTMode',
  'TDTSiloType', 'TDTStatus', 'TDTTelemetry', 'TroubleShootingDailyMaxQuota', 'TroubleShootingDailyQuotaLeft',
  'TroubleShootingEndTime', 'TroubleShootingExpirationLeft', 'TroubleShootingMode', 'TroubleShootingModeSource',
  'TroubleShootingQuotaResetTime', 'TroubleShootingStartTime',
];

/** Get-MpPreference properties. */
const MP_PREFERENCE = [
  'AllowDatagramProcessingOnWinServer', 'AllowNetworkProtectionDownLevel', 'AllowNetworkProtectionOnWinServer',
  'AllowSwitchToAsyncInspection', 'AttackSurfaceReductionOnlyExclusions', 'AttackSurfaceReductionRules_Actions',
  'AttackSurfaceReductionRules_Ids', 'CheckForSignaturesBeforeRunningScan', 'CloudBlockLevel', 'CloudExtendedTimeout',
  'ControlledFolderAccessAllowedApplications', 'ControlledFolderAccessProtectedFolders', 'DefinitionUpdatesChannel',
  'DisableArchiveScanning', 'DisableAutoExclusions', 'DisableBehaviorMonitoring', 'DisableBlockAtFirstSeen',
  'DisableCatchupFullScan', 'DisableCatchupQuickScan', 'DisableCpuThrottleOnIdleScans', 'DisableDatagramProcessing',
  'DisableDnsOverTcpParsing', 'DisableDnsParsing', 'DisableEmailScanning', 'DisableFtpParsing', 'DisableGradualRelease',
  'DisableHttpParsing', 'DisableIOAVProtection', 'DisableInboundConnectionFiltering', 'DisableIntrusionPreventionSystem',
  'DisableNetworkProtectionPerfTelemetry', 'DisablePrivacyMode', 'DisableRdpParsing', 'DisableRealtimeMonitoring',
  'DisableRemovableDriveScanning', 'DisableRestorePoint', 'DisableScanningMappedNetworkDrivesForFullScan',
  'DisableScanningNetworkFiles', 'DisableScriptScanning', 'DisableSmtpParsing', 'DisableSshParsing', 'DisableTlsParsing',
  'EnableControlledFolderAccess', 'EnableDnsSinkhole', 'EnableFileHashComputation', 'EnableFullScanOnBatteryPower',
  'EnableLowCpuPriority', 'EnableNetworkProtection', 'EngineUpdatesChannel', 'ExclusionExtension', 'ExclusionIpAddress',
  'ExclusionPath', 'ExclusionProcess', 'ForceUseProxyOnly', 'HighThreatDefaultAction', 'IntelTDTEnabled',
  'LowThreatDefaultAction', 'MAPSReporting', 'MeteredConnectionUpdates', 'ModerateThreatDefaultAction',
  'MpEnsureProcessMitigationPolicy', 'PlatformUpdatesChannel', 'ProxyBypass', 'ProxyPacUrl', 'ProxyServer', 'PUAProtection',
  'QuarantinePurgeItemsAfterDelay', 'RandomizeScheduleTaskTimes', 'RealTimeScanDirection', 'RemediationScheduleDay',
  'RemediationScheduleTime', 'ReportDynamicSignatureDroppedEvent', 'ReportingAdditionalActionTimeOut',
  'ReportingCriticalFailureTimeOut', 'ReportingNonCriticalTimeOut', 'ScanAvgCPULoadFactor', 'ScanOnlyIfIdleEnabled',
  'ScanParameters', 'ScanPurgeItemsAfterDelay', 'ScanScheduleDay', 'ScanScheduleOffset', 'ScanScheduleQuickScanTime',
  'ScanScheduleTime', 'SchedulerRandomizationTime', 'ServiceHealthReportInterval', 'SevereThreatDefaultAction',
  'SharedSignaturesPath', 'SignatureAuGracePeriod', 'SignatureBlobFileSharesSources', 'SignatureBlobUpdateInterval',
  'SignatureDefinitionUpdateFileSharesSources', 'SignatureDisableUpdateOnStartupWithoutEngine', 'SignatureFallbackOrder',
  'SignatureFirstAuGracePeriod', 'SignatureScheduleDay', 'SignatureScheduleTime', 'SignatureUpdateCatchupInterval',
  'SignatureUpdateInterval', 'SignaturesUpdatesChannel', 'SubmitSamplesConsent', 'ThreatIDDefaultAction_Actions',
  'ThreatIDDefaultAction_Ids', 'ThrottleForScheduledScanOnly', 'TrustLabelProtectionStatus', 'UILockdown',
  'UnknownThreatDefaultAction',
];

/** Get-WinEvent | Format-List fields. */
const WIN_EVENT = [
  'Message', 'Id', 'Version', 'Qualifiers', 'Level', 'Task', 'Opcode', 'Keywords', 'RecordId', 'ProviderName', 'ProviderId',
  'LogName', 'ProcessId', 'ThreadId', 'MachineName', 'UserId', 'TimeCreated', 'ActivityId', 'RelatedActivityId',
  'ContainerLog', 'MatchedQueryIds', 'Bookmark', 'LevelDisplayName', 'OpcodeDisplayName', 'TaskDisplayName',
  'KeywordsDisplayNames', 'Properties',
];

/** sc.exe query fields. */
const SC_QUERY = ['SERVICE_NAME', 'DISPLAY_NAME', 'TYPE', 'STATE', 'WIN32_EXIT_CODE', 'SERVICE_EXIT_CODE', 'CHECKPOINT', 'WAIT_HINT'];

/** Every name that starts a `Name : value` line, longest first (so ProcessId wins over Id at the same place). */
export const LINE_KEYS: readonly string[] = Object.freeze(
  [...new Set([...MP_COMPUTER_STATUS, ...MP_PREFERENCE, ...WIN_EVENT, ...SC_QUERY])].sort((a, b) => b.length - a.length),
);

/** reg query value names the bot reads; they start a `Name  REG_DWORD  value` line. */
export const REG_VALUE_KEYS: readonly string[] = Object.freeze(['TPExclusions', 'TamperProtection', 'ForceDefenderPassiveMode']);

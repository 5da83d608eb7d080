/**
 * The read-only PowerShell snippet the bot offers: one paste of its output gives every fact the rules use.
 * It only reads (Get-*, sc.exe query, reg.exe query) and runs the connection test; run it in an elevated
 * PowerShell so that ValidateMapsConnection and the exclusion lists can be read.
 */
export const COLLECTION_SNIPPET = [
  'Get-MpComputerStatus | Select-Object AMProductVersion,AMRunningMode,AMServiceEnabled,AntivirusEnabled,RealTimeProtectionEnabled,IsTamperProtected,TamperProtectionSource,TroubleShootingMode,AntivirusSignatureAge | Format-List',
  'Get-MpPreference | Select-Object MAPSReporting,SubmitSamplesConsent,CloudBlockLevel,CloudExtendedTimeout,DisableBlockAtFirstSeen,DisableRealtimeMonitoring | Format-List',
  'sc.exe query Sense',
  'sc.exe query WinDefend',
  'reg.exe query "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Defender\\Features" /v TPExclusions',
  '& "$env:ProgramFiles\\Windows Defender\\MpCmdRun.exe" -ValidateMapsConnection',
].join('\n');

/** The single commands behind the narrower paste hints. */
export const HINT_COMMANDS = Object.freeze({
  'maps-reporting': '(Get-MpPreference).MAPSReporting',
  'sense-state': 'sc.exe query Sense',
  'validate-maps': '"%ProgramFiles%\\Windows Defender\\MpCmdRun.exe" -ValidateMapsConnection',
  'collection-snippet': COLLECTION_SNIPPET,
});

import { addStrings } from '../../kit/i18n';

const zh = {
  title: '本机备份',
  hint: '把本机的全部记录（包括尚未同步到街道服务器的修改和照片）写进一个用口令加密的文件，换机或重装后在新设备上恢复。文件和口令请分开保管。',
  backup: '备份本机数据',
  backingUp: '正在备份…',
  dialogTitle: '备份本机数据',
  passphrase: '备份口令',
  passphraseHint: '至少 {{min}} 个字符。恢复时要输入同一口令，忘记后无法找回。',
  passphraseAgain: '再次输入备份口令',
  tooShort: '口令至少需要 {{min}} 个字符',
  mismatch: '两次输入的口令不一致',
  seal: '加密并保存',
  cancel: '取消',
  notReady: '同步尚未启动，请稍后再试。',
  done: '已备份 {{documents}} 条记录（其中 {{unsynced}} 条尚未同步，照片 {{photos}} 张）到 {{file}}。',
  restoreTitle: '从备份恢复',
  restoreHint:
    '新设备可以直接恢复“备份本机数据”生成的文件：先核对口令和每类数据的校验值，全部无误才写入。恢复后本机尚未连接街道服务器。',
  choose: '选择备份文件',
  fileInfo: '“{{device}}”于 {{at}} 的备份：{{documents}} 条记录，其中 {{unsynced}} 条尚未同步。',
  restore: '校验并恢复',
  restoring: '正在校验并恢复…',
  restored: '已恢复 {{documents}} 条记录，其中 {{unsynced}} 条尚未同步，会在本机连接街道服务器后送达。',
  enrollNext:
    '恢复后请街道办先在服务器上停用原设备的登记，再给本机发放新的登记码，在“设备与数据 → 连接街道服务器”中输入。',
};

const en: typeof zh = {
  title: 'Device backup',
  hint: 'Writes every record of this device (including changes not yet synced to the street hub, and photos) into one file sealed with a passphrase, to restore on a new device. Keep the file and the passphrase apart.',
  backup: 'Back up this device',
  backingUp: 'Backing up…',
  dialogTitle: 'Back up this device',
  passphrase: 'Backup passphrase',
  passphraseHint: 'At least {{min}} characters. A restore needs the same passphrase; it cannot be recovered.',
  passphraseAgain: 'Backup passphrase again',
  tooShort: 'The passphrase needs at least {{min}} characters',
  mismatch: 'The two passphrases differ',
  seal: 'Seal and save',
  cancel: 'Cancel',
  notReady: 'Sync has not started yet; try again shortly.',
  done: 'Backed up {{documents}} records ({{unsynced}} not yet synced, {{photos}} photos) to {{file}}.',
  restoreTitle: 'Restore from a backup',
  restoreHint:
    'A new device can restore a file made by “Back up this device”: the passphrase and every collection’s digest are checked first, and only then is anything written. The restored device is not connected to the street hub yet.',
  choose: 'Choose backup file',
  fileInfo: 'Backup of “{{device}}” made {{at}}: {{documents}} records, {{unsynced}} not yet synced.',
  restore: 'Check and restore',
  restoring: 'Checking and restoring…',
  restored:
    'Restored {{documents}} records; {{unsynced}} not yet synced will reach the hub once this device is connected.',
  enrollNext:
    'Next, the street office revokes the old device’s registration on the hub and gives this device a new enrolment code, entered under “Device & data → Connect to street hub”.',
};

addStrings('backup', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    backup: typeof zh;
  }
}

import { addStrings } from '../../kit/i18n';

const zh = {
  title: '离线同步包',
  hint: '议事厅没有网络时：导出同步包，用 U 盘带到街道办导入服务器；再把街道办给的回传包带回来，导入本机。',
  pending: '本机待上传 {{count}} 条更改',
  export: '导出同步包',
  exporting: '正在导出…',
  import: '导入同步包',
  importing: '正在导入…',
  exported: '已导出同步包 {{file}}：本机更改 {{rows}} 条。请带到街道办导入。',
  imported:
    '已导入回传包：服务器接受本机更改 {{accepted}} 条，冲突 {{conflicts}} 条，拒绝 {{refused}} 条；收到新数据 {{received}} 条。',
  importedConflicts: '有冲突需要处理，请到“同步与冲突”页面的“冲突处理”中选择保留哪个值。',
  importedRefused: '被拒绝的记录见“同步与冲突”页面的“服务器拒绝的记录”。',
  importedBefore: '此回传包已于 {{at}} 导入过，这次没有任何改变。',
  ahead: '有 {{count}} 类数据本机此后已联网同步过，回传包中较旧的这部分没有使用。',
  waiting: '还有 {{count}} 条本机更改要等联网或下一个同步包。',
  unknownExport: '本机没有这个回传包所答复的导出记录，只导入了服务器的新数据。',
  notReady: '同步尚未启动，请稍后再试。',
  streetTitle: '代收议事厅同步包',
  streetHint:
    '议事厅用 U 盘带来的同步包，由本机上传到街道服务器导入（与联网同步同样的规则），再下载回传包交给议事厅带回导入。',
  upload: '上传同步包',
  uploading: '正在上传…',
  uploaded:
    '已导入设备“{{label}}”（{{device}}）的同步包：更改 {{rows}} 条，写入 {{written}} 条，冲突 {{conflicts}} 条，拒绝 {{refused}} 条；回传包含数据 {{returned}} 条。',
  replay: '此同步包已于 {{at}} 导入过，这次没有再写入任何数据；回传包已重新生成。',
  download: '下载回传包',
  notDeviceBundle: '这是服务器生成的回传包，应在议事厅的设备上用“导入同步包”导入。',
};

const en: typeof zh = {
  title: 'Offline sync bundles',
  hint: 'With no network at the hall: export a sync bundle, take it on a USB stick to the street office to import it into the hub, then bring back the return bundle and import it here.',
  pending: '{{count}} local changes waiting to upload',
  export: 'Export sync bundle',
  exporting: 'Exporting…',
  import: 'Import sync bundle',
  importing: 'Importing…',
  exported: 'Exported {{file}}: {{rows}} local changes. Take it to the street office.',
  imported:
    'Return bundle imported: the hub accepted {{accepted}} local changes, {{conflicts}} conflicts, {{refused}} refused; {{received}} new records received.',
  importedConflicts: 'There are conflicts to resolve under “Conflicts” on the sync page.',
  importedRefused: 'Refused records are listed on the sync page.',
  importedBefore: 'This return bundle was imported at {{at}}; nothing changed this time.',
  ahead: '{{count}} kinds of data were synced online since; the older part of the bundle was not used.',
  waiting: '{{count}} local changes still wait for the network or the next bundle.',
  unknownExport:
    'This device has no record of the export this bundle answers; only the hub’s new data was imported.',
  notReady: 'Sync has not started yet; try again shortly.',
  streetTitle: 'Hall sync bundles',
  streetHint:
    'A bundle a hall brought on a USB stick: upload it to the street hub (same rules as an online sync) and download the return bundle for the hall.',
  upload: 'Upload sync bundle',
  uploading: 'Uploading…',
  uploaded:
    'Imported the bundle of “{{label}}” ({{device}}): {{rows}} changes, {{written}} written, {{conflicts}} conflicts, {{refused}} refused; return bundle holds {{returned}} records.',
  replay: 'This bundle was imported at {{at}}; nothing was written again; the return bundle was made anew.',
  download: 'Download return bundle',
  notDeviceBundle:
    'This is a return bundle from the hub; import it on the hall device with “Import sync bundle”.',
};

addStrings('bundles', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    bundles: typeof zh;
  }
}

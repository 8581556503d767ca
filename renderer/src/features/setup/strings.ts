import { addStrings } from '../../kit/i18n';

const zh = {
  title: '首次设置',
  intro:
    '欢迎使用议事。先告诉我们这台设备做什么用、属于哪里。不连接街道服务器也可以单独使用，以后随时可以在“设备与数据”中连接同步。',
  deviceName: '设备名称',
  deviceNameHint: '例如：惠新南里社区议事厅电脑',
  deviceNameMissing: '请填写设备名称',
  deviceKind: '这台设备用于',
  kindHints: {
    hallPc: '社区议事厅开会：签到、表决、会议纪要',
    fieldLaptop: '楼门院长、包楼包院社工入户走访，常常没有网络',
    streetOffice: '街道办公室：查看全部社区、导入12345工单、督办',
  },
  hubTitle: '连接街道服务器（推荐）',
  hubHint:
    '街道管理员为本机生成了登记码时，在此输入服务器地址和登记码：本机的地点范围、角色和数据将从街道服务器同步下来。',
  hubAddress: '服务器地址',
  hubCode: '登记码',
  hubConnect: '连接并完成设置',
  hubNeeds: '请填写服务器地址和登记码',
  hubConnecting: '正在连接…',
  orStandalone: '或者单机使用',
  places: '地点数据',
  placesIntro: '选择本机使用的地点数据：',
  loadDemo: '加载示例街道',
  loadDemoHint: '小关街道（示例）：10个社区、约50个院落、600栋楼及议事记录，可用于培训和试用。',
  loadingDemo: '正在加载示例街道…（{{done}} / {{total}}）',
  demoLoaded: '示例街道已加载：{{count}} 条记录',
  newStreet: '新建本街道',
  streetName: '街道名称',
  streetNameHint: '例如：小关街道',
  streetCode: '街道代码',
  streetCodeHint: '2–16 位小写字母或数字，例如 xg，作为所有地点路径的开头',
  streetCodeInvalid: '街道代码须为 2–16 位小写字母或数字，以字母开头',
  streetNameMissing: '请填写街道名称',
  createStreet: '创建街道',
  homePlace: '归属地点',
  homePlaceHint: '本机主要为哪个地点服务',
  homePlaceMissing: '请选择归属地点',
  role: '本机角色：{{role}}',
  finish: '完成设置',
  finishNeedsStreet: '先加载示例街道或添加一个街道，才能完成设置',
  failed: '保存失败：{{message}}',
};

const en: typeof zh = {
  title: 'First-run setup',
  intro:
    'Welcome to Yishi. Tell us what this device is for and where it belongs. It works alone without the street hub; you can connect it later under "Device & data".',
  deviceName: 'Device name',
  deviceNameHint: 'e.g. Huixin Nanli community hall PC',
  deviceNameMissing: 'Please enter a device name',
  deviceKind: 'This device is used as',
  kindHints: {
    hallPc: 'Community hall meetings: sign-in, votes, minutes',
    fieldLaptop: 'Courtyard and door-to-door visits, often offline',
    streetOffice: 'Street office: all communities, 12345 imports, supervision',
  },
  hubTitle: 'Connect to the street hub (recommended)',
  hubHint:
    'If the street administrator issued an enrollment code for this device, enter the hub address and the code: this device’s places, role and data come from the hub.',
  hubAddress: 'Hub address',
  hubCode: 'Enrollment code',
  hubConnect: 'Connect and finish setup',
  hubNeeds: 'Enter the hub address and the enrollment code',
  hubConnecting: 'Connecting…',
  orStandalone: 'Or work standalone',
  places: 'Place data',
  placesIntro: 'Choose the place data for this device:',
  loadDemo: 'Load the demo street',
  loadDemoHint:
    'Xiaoguan street (demo): 10 communities, ~50 courtyards, 600 buildings and a year of records, for training and trial.',
  loadingDemo: 'Loading the demo street… ({{done}} / {{total}})',
  demoLoaded: 'Demo street loaded: {{count}} records',
  newStreet: 'Create our street',
  streetName: 'Street name',
  streetNameHint: 'e.g. 小关街道',
  streetCode: 'Street code',
  streetCodeHint: '2–16 lowercase letters or digits, e.g. xg: the start of every place path',
  streetCodeInvalid: 'The street code must be 2–16 lowercase letters or digits, starting with a letter',
  streetNameMissing: 'Please enter the street name',
  createStreet: 'Create street',
  homePlace: 'Home place',
  homePlaceHint: 'The place this device mainly serves',
  homePlaceMissing: 'Please choose the home place',
  role: 'Role of this device: {{role}}',
  finish: 'Finish setup',
  finishNeedsStreet: 'Load the demo street or add a street first',
  failed: 'Could not save: {{message}}',
};

addStrings('setup', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    setup: typeof zh;
  }
}

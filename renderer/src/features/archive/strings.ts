import { addStrings } from '../../kit/i18n';

const zh = {
  title: '成果档案',
  intro:
    '从议题的完整记录（诉求、议事与表决、办理、督办、回访）生成经验、案例和故事的初稿，再由工作人员修改、发布和打印。',
  place: '地点',
  kind: { experience: '经验', case: '案例', story: '故事' },
  allKinds: '全部类型',
  status: { draft: '草稿', published: '已发布' },
  none: '暂无成果',
  generate: {
    title: '从议题生成',
    topic: '议题',
    noTopics: '该地点暂无议题',
    topicOption: '{{title}}（{{place}}）',
    kind: '类型',
    button: '生成初稿',
    chooseTopic: '先选择一个议题',
    generated: '已生成“{{title}}”，请修改后保存',
  },
  editor: {
    back: '返回成果档案',
    titleField: '标题',
    body: '正文（以【小标题】分段）',
    save: '保存',
    saved: '已保存',
    publish: '发布',
    published: '已发布',
    unpublish: '改回草稿',
    print: '打印',
    preview: '打印预览',
    topic: '来源议题：{{title}}',
    generatedAt: '生成于 {{date}}',
  },
  refused: '未能完成：{{message}}',
};

const en: typeof zh = {
  title: 'Outcome archive',
  intro:
    'Drafts of experiences, cases and stories generated from a topic’s whole record (demands, meetings and votes, tasks, supervision, call-backs), then edited, published and printed by staff.',
  place: 'Place',
  kind: { experience: 'Experience', case: 'Case', story: 'Story' },
  allKinds: 'All kinds',
  status: { draft: 'Draft', published: 'Published' },
  none: 'No outcomes yet',
  generate: {
    title: 'Generate from a topic',
    topic: 'Topic',
    noTopics: 'No topics at this place',
    topicOption: '{{title}} ({{place}})',
    kind: 'Kind',
    button: 'Generate a draft',
    chooseTopic: 'Choose a topic first',
    generated: '“{{title}}” generated: edit it, then save',
  },
  editor: {
    back: 'Back to the archive',
    titleField: 'Title',
    body: 'Text (sections start with 【heading】)',
    save: 'Save',
    saved: 'Saved',
    publish: 'Publish',
    published: 'Published',
    unpublish: 'Back to draft',
    print: 'Print',
    preview: 'Print preview',
    topic: 'From topic: {{title}}',
    generatedAt: 'Generated {{date}}',
  },
  refused: 'Not done: {{message}}',
};

addStrings('archive', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    archive: typeof zh;
  }
}

// 成果档案: 经验, 案例 and 故事 generated from a topic's whole history, edited, published, printed.
export { ArchivePage } from './ArchivePage';

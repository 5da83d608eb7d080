const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const { loadKnowledge } = await import('./dist/knowledge/load-knowledge.js');
const { CATALOGUE_IDS } = await import('./dist/knowledge/catalogue-ids.js');
const k = loadKnowledge('knowledge', { requiredIds: CATALOGUE_IDS, minQuestions: 4 });
const { buildMatchIndex } = await import('./dist/matching/match-index.js');
let c = cpu();
buildMatchIndex(k);
console.log('buildMatchIndex', (cpu() - c).toFixed(0));
c = cpu();
buildMatchIndex(k);
console.log('again', (cpu() - c).toFixed(0));

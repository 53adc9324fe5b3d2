import { englishDataset } from 'obscenity'; console.log(englishDataset)
